/** The inbox badge stops counting here ("99+"): the count runs on every page, so it stays bounded. */
export const UNREAD_CAP = 100;
export const INBOX_PAGE_SIZE = 20;
