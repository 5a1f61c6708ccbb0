import type { OutgoingNotification } from './notification';

export interface EmailBody {
  subject: string;
  text: string;
  html: string;
}

/** A plain-text and a simple HTML body: the message, its link, and where to change what arrives. */
export function emailBody(notification: OutgoingNotification, settingsUrl: string): EmailBody {
  const { title, message, link } = notification;
  const footer = `You get this from MotoVaultPro. Change what you get: ${settingsUrl}`;
  const text = [message, link, `--\n${footer}`].filter(Boolean).join('\n\n');
  const paragraphs = message
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = [
    `<h2>${escapeHtml(title)}</h2>`,
    paragraphs,
    link ? `<p><a href="${escapeHtml(link)}">Open in MotoVaultPro</a></p>` : '',
    `<p style="color:#666;font-size:small">You get this from MotoVaultPro. <a href="${escapeHtml(settingsUrl)}">Change what you get</a>.</p>`,
  ]
    .filter(Boolean)
    .join('\n');
  return { subject: title, text, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
