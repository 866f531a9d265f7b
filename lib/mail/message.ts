/** A rendered mail, ready for a transport. */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per outbox row, so a receiver can tell a resend from a new mail. */
  messageId: string;
  /** The outbox row it belongs to; null for mail that skips the outbox (sign-in links). */
  mailId: string | null;
}

/** What the transport answered for one mail. */
export interface DeliveryReceipt {
  messageId: string;
}
