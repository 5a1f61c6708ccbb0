import { randomUUID } from 'node:crypto';
import type { ApiProcessOptions } from '../../../api/test/support/api-process';
import { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { PageSession, WebStack, WebStackHandle, inFreshPage, webStack } from './browser';

/** Cookies of a session at the issuer: a context started with them comes back signed in. */
export type SignedInState = NonNullable<BrowserContextOptions['storageState']>;

export interface TestUser {
  email: string;
  password: string;
  displayName: string;
}

/** A user nobody has signed up yet: a unique email per call. */
export function newTestUser(displayName = 'Ada Lovelace'): TestUser {
  return { email: `ada-${randomUUID().slice(0, 8)}@example.test`, password: 'correct horse battery', displayName };
}

/** The embedded issuer's sign-in page (A's `/auth/interaction/{uid}`). */
export async function expectSignInPage(page: Page): Promise<void> {
  await page.waitForURL(/\/auth\/interaction\/[^/]+$/);
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
}

/** From the issuer's sign-in page: follows "Create an account" and signs up. */
export async function signUpFromSignInPage(page: Page, user: TestUser): Promise<void> {
  await expectSignInPage(page);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('heading', { name: 'Create an account', level: 1 }).waitFor();
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Name (optional)').fill(user.displayName);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** On the issuer's sign-in page: signs in with email and password. */
export async function signInOnSignInPage(page: Page, user: TestUser): Promise<void> {
  await expectSignInPage(page);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs a new user up in a throwaway context and returns its cookies: a context started with them
 * has a session at the issuer, so the app's sign-in redirect comes straight back, signed in, with
 * no form to fill. (The app keeps its tokens in sessionStorage, per tab, which no context shares.)
 */
export async function signedUpState(
  browser: Browser,
  baseURL: string,
  user: TestUser = newTestUser(),
): Promise<SignedInState> {
  const context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(15_000);
  try {
    const page = await context.newPage();
    await page.goto('/dashboard');
    await signUpFromSignInPage(page, user);
    await page.waitForURL('**/dashboard');
    await page.getByRole('button', { name: `Account: ${user.displayName}` }).waitFor();
    const state = await context.storageState();
    // Only the issuer's cookies: no theme choice or other local state leaks into the tests.
    return { cookies: state.cookies, origins: [] };
  } finally {
    await context.close();
  }
}

/**
 * Opens an app page in a context that has a session at the issuer (`signedUpState`): the first
 * load goes to the issuer and straight back, so this waits until the app is back, signed in, on
 * the page (the account button shows once the user is loaded).
 */
export async function openSignedIn(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Account: / })
    .waitFor();
  await page.waitForURL((url) => !url.pathname.startsWith('/auth'));
}

export interface SignedInWebStack extends WebStack {
  /** Cookies of one signed-up user's session at the issuer, for `storageState`. */
  signedIn: SignedInState;
}

/**
 * For a `describe` block: starts the built API and Chromium before its tests, signs one user up,
 * and stops both after them. The returned object's fields are filled once `beforeAll` has run.
 * Options known only once an earlier `beforeAll` has run (a database, a platform) come as a function.
 */
export function useSignedInWebStack(options?: ApiProcessOptions | (() => ApiProcessOptions)): SignedInWebStack {
  const web = {} as SignedInWebStack;
  let stack: WebStackHandle | undefined;
  beforeAll(async () => {
    stack = webStack(typeof options === 'function' ? options() : options);
    Object.assign(web, await stack.ready);
    web.signedIn = await signedUpState(web.browser, web.api.url);
  });
  afterAll(() => stack?.stop());
  return web;
}

/**
 * Runs `test` in a fresh page (`inFreshPage`) on this stack's app, signed in as its user;
 * `options` add the viewport, colour scheme or device.
 */
export function inSignedInPage(
  web: SignedInWebStack,
  options: BrowserContextOptions,
  test: (session: PageSession) => Promise<void>,
): Promise<void> {
  return inFreshPage(web.browser, { baseURL: web.api.url, storageState: web.signedIn, ...options }, test);
}
