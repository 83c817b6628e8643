// The web app's response: an HtmlOutput Apps Script serves in its sandboxed frame.
import type { Page } from '../domain/review-link/page';

/** Default X-Frame-Options: no other site may frame the customer's page. */
export function htmlPage(page: Page): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(page.html)
    .setTitle(page.title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
