/**
 * Main's check on who is calling: only the top-level page of one of Byline's
 * own windows, loaded from `byline://app`, may use the API. A subframe (the
 * preview), a page that navigated elsewhere, or any other web contents is
 * refused before its payload is even looked at.
 */
import { isAppUrl } from './app-url';

/**
 * @param frameUrl URL of the frame that sent the IPC message (`event.senderFrame.url`).
 * @param isMainFrameOfOurWindow Whether that frame is the main frame of a window main created.
 */
export function isTrustedSender(frameUrl: string, isMainFrameOfOurWindow: boolean): boolean {
  return isMainFrameOfOurWindow && isAppUrl(frameUrl);
}
