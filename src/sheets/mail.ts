/** MailApp behind two functions: the recipients left today, and sending one message (HTML and plain text). */
export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  /** One file attached (a partner's statement: their view as CSV). */
  attachment?: { name: string; mimeType: string; content: string };
}

export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export function sendMail(message: OutgoingMail): void {
  MailApp.sendEmail({
    to: message.to,
    subject: message.subject,
    body: message.body,
    htmlBody: message.htmlBody,
    ...(message.attachment && {
      attachments: [
        Utilities.newBlob(message.attachment.content, message.attachment.mimeType, message.attachment.name),
      ],
    }),
  });
}
