/** MailApp behind two functions: the recipients left today, and sending one message (HTML and plain text). */
export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
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
  });
}
