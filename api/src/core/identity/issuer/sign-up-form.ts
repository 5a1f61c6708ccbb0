import { FieldErrors, passwordRules } from './pages';

export interface SignUpForm {
  email: string;
  password: string;
  displayName: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function formText(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** The sign-up form's field errors; empty when it can be submitted. */
export function validateSignUp(form: SignUpForm): FieldErrors {
  const errors: FieldErrors = {};
  const email = form.email.trim();
  if (!email) errors.email = 'Enter your email address.';
  else if (email.length > 254 || !emailPattern.test(email))
    errors.email = 'Enter a valid email address, like name@example.com.';
  if (form.password.length < passwordRules.min) {
    errors.password = `Use at least ${passwordRules.min} characters.`;
  } else if (form.password.length > passwordRules.max) {
    errors.password = `Use at most ${passwordRules.max} characters.`;
  }
  if (form.displayName.trim().length > 80) errors.displayName = 'Use at most 80 characters.';
  return errors;
}
