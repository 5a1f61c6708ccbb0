/**
 * The embedded issuer's pages: server-rendered HTML in the web app's look (Material 3 colours,
 * light and dark), built from small template functions. Every interpolated value goes through
 * `escapeHtml`.
 */

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  );
}

const styles = `
:root{color-scheme:light dark;--primary:#005cbb;--on-primary:#fff;--surface:#fdfbff;--on-surface:#1a1b1f;
--surface-container:#f0f0f7;--outline:#74777f;--error:#ba1a1a;--error-container:#ffdad6;--on-error-container:#410002}
@media (prefers-color-scheme:dark){:root{--primary:#abc7ff;--on-primary:#002f65;--surface:#121316;--on-surface:#e3e2e6;
--surface-container:#1f2023;--outline:#8e9099;--error:#ffb4ab;--error-container:#93000a;--on-error-container:#ffdad6}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:flex-start;justify-content:center;background:var(--surface);
color:var(--on-surface);font:16px/1.5 Roboto,system-ui,-apple-system,"Segoe UI",sans-serif}
main{width:100%;max-width:420px;padding:32px 20px}
.card{background:var(--surface-container);border-radius:16px;padding:28px 24px}
.brand{display:flex;align-items:center;gap:10px;font-weight:500;font-size:18px;margin-bottom:20px;color:var(--primary)}
.brand svg{width:28px;height:28px;fill:currentColor}
h1{font-size:24px;font-weight:400;margin:0 0 20px}
p{margin:0 0 16px}
label{display:block;font-size:14px;font-weight:500;margin:16px 0 6px}
input{width:100%;font:inherit;color:inherit;background:transparent;border:1px solid var(--outline);border-radius:4px;
padding:14px 12px;min-height:52px}
input:focus{outline:2px solid var(--primary);border-color:transparent}
input[aria-invalid=true]{border-color:var(--error)}
.hint,.field-error{font-size:12px;margin-top:4px;color:var(--outline)}
.field-error{color:var(--error)}
.alert{background:var(--error-container);color:var(--on-error-container);border-radius:8px;padding:12px 16px;margin:0 0 16px}
button,.button{display:inline-flex;align-items:center;justify-content:center;width:100%;min-height:48px;margin-top:24px;
border:0;border-radius:24px;background:var(--primary);color:var(--on-primary);font:inherit;font-weight:500;cursor:pointer;
text-decoration:none}
.links{margin-top:20px;font-size:14px;display:flex;justify-content:space-between;gap:12px;flex-wrap:wrap}
a{color:var(--primary)}
@media (min-width:600px){body{align-items:center}main{padding:48px 24px}.card{padding:36px 32px}}
`;

const logo =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M18.92 6.01C18.72 5.42 18.16 5 17.5 5h-11c-.66 0-1.21.42-1.42 1.01L3 12v8c0 .55.45 1 1 1h1c.55 0 1-.45 1-1v-1h12v1c0 .55.45 1 1 1h1c.55 0 1-.45 1-1v-8l-2.08-5.99zM6.5 16c-.83 0-1.5-.67-1.5-1.5S5.67 13 6.5 13s1.5.67 1.5 1.5S7.33 16 6.5 16zm11 0c-.83 0-1.5-.67-1.5-1.5s.67-1.5 1.5-1.5 1.5.67 1.5 1.5-.67 1.5-1.5 1.5zM5 11l1.5-4.5h11L19 11H5z"/></svg>';

/** A whole page: `body` is trusted HTML, built by the functions below. */
export function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · MotoVaultPro</title><style>${styles}</style>${head}</head>
<body><main><div class="card"><div class="brand">${logo}<span>MotoVaultPro</span></div>${body}</div></main></body></html>`;
}

export type FieldErrors = Partial<Record<'email' | 'password' | 'displayName', string>>;

function field(options: {
  name: string;
  label: string;
  type: string;
  value?: string;
  autocomplete: string;
  error?: string;
  hint?: string;
  required?: boolean;
  autofocus?: boolean;
  extra?: string;
}): string {
  const describedBy = options.error ? `${options.name}-error` : options.hint ? `${options.name}-hint` : '';
  return `<label for="${options.name}">${escapeHtml(options.label)}</label>
<input id="${options.name}" name="${options.name}" type="${options.type}" autocomplete="${options.autocomplete}"
 value="${escapeHtml(options.value)}"${options.required ? ' required' : ''}${options.autofocus ? ' autofocus' : ''}${options.extra ?? ''}
 ${options.error ? 'aria-invalid="true"' : ''}${describedBy ? ` aria-describedby="${describedBy}"` : ''}>
${options.error ? `<div class="field-error" id="${options.name}-error">${escapeHtml(options.error)}</div>` : ''}${
    !options.error && options.hint
      ? `<div class="hint" id="${options.name}-hint">${escapeHtml(options.hint)}</div>`
      : ''
  }`;
}

function alert(message?: string): string {
  return message ? `<div class="alert" role="alert">${escapeHtml(message)}</div>` : '';
}

export function signInPage(options: {
  action: string;
  signUpHref?: string;
  abortHref: string;
  email?: string;
  error?: string;
}): string {
  return page(
    'Sign in',
    `<h1>Sign in</h1>${alert(options.error)}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
${field({ name: 'email', label: 'Email', type: 'email', value: options.email, autocomplete: 'username', required: true, autofocus: !options.email })}
${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true, autofocus: !!options.email })}
<button type="submit">Sign in</button>
</form>
<div class="links">${options.signUpHref ? `<a href="${escapeHtml(options.signUpHref)}">Create an account</a>` : '<span></span>'}<a href="${escapeHtml(options.abortHref)}">Cancel</a></div>`,
  );
}

export function signUpPage(options: {
  action: string;
  signInHref: string;
  email?: string;
  displayName?: string;
  error?: string;
  errors?: FieldErrors;
}): string {
  const errors = options.errors ?? {};
  const focus = (['email', 'displayName', 'password'] as const).find((name) => errors[name]) ?? 'email';
  return page(
    'Create an account',
    `<h1>Create an account</h1>${alert(options.error)}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
${field({ name: 'email', label: 'Email', type: 'email', value: options.email, autocomplete: 'email', error: errors.email, required: true, autofocus: focus === 'email' })}
${field({ name: 'displayName', label: 'Name (optional)', type: 'text', value: options.displayName, autocomplete: 'name', error: errors.displayName, autofocus: focus === 'displayName', extra: ' maxlength="80"' })}
${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', error: errors.password, hint: `At least ${passwordRules.min} characters.`, required: true, autofocus: focus === 'password', extra: ` minlength="${passwordRules.min}" maxlength="${passwordRules.max}"` })}
<button type="submit">Create account</button>
</form>
<div class="links"><a href="${escapeHtml(options.signInHref)}">I already have an account</a></div>`,
  );
}

export function messagePage(options: { title: string; message: string; linkHref?: string; linkText?: string }): string {
  return page(
    options.title,
    `<h1>${escapeHtml(options.title)}</h1><p>${escapeHtml(options.message)}</p>${
      options.linkHref
        ? `<a class="button" href="${escapeHtml(options.linkHref)}">${escapeHtml(options.linkText ?? 'Continue')}</a>`
        : ''
    }`,
  );
}

/** The one inline script of the issuer's pages; the Content-Security-Policy allows it by its hash. */
export const logoutAutoSubmitScript =
  'document.addEventListener("DOMContentLoaded",function(){document.getElementById("op.logoutForm").submit()})';

/**
 * The sign-out confirmation. `form` is oidc-provider's own (it carries the anti-forgery value);
 * with a valid `id_token_hint` the app asked for it, so the page submits itself.
 */
export function logoutPage(form: string, autoSubmit: boolean): string {
  // `logout=yes` ends the whole session at the issuer, not only this app's part of it.
  const withLogout = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  const script = autoSubmit ? `<script>${logoutAutoSubmitScript}</script>` : '';
  return page(
    'Sign out',
    `<h1>Sign out</h1><p>Sign out of MotoVaultPro on this device?</p>${withLogout}
<button type="submit" form="op.logoutForm" autofocus>Sign out</button>`,
    script,
  );
}

export const passwordRules = { min: 10, max: 256 };
