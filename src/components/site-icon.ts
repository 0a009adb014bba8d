/**
 * The site icon (质 on the campaign red, 16 px in two colours, 123 bytes) as a data URI: every
 * page carries it, so a reader's first visit spends no request on it. public/favicon.ico and
 * favicon.png hold the same image for clients that ask for it by address.
 */
export const SITE_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQAQMAAAAlPW0iAAAABlBMVEWPHR3///9wPOWhAAAAMElEQVR42mNgYGBgMGCQ/8EgcYBB/g8ISf8AccU8GMROMJidYDB8wGC+h0GNhwEMABcTCvBLKXvLAAAAAElFTkSuQmCC';
