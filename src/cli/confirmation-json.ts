/**
 * A finding's 出错说明 as the CLI hands it on — in `check --json` and in what a review worker posts back (structured
 * clone, then `review --json`): the text, and when and by whom where known. The key it was matched by stays inside.
 */
import type { FindingConfirmation } from "../engine/confirmations";

export interface ConfirmationJson {
  readonly text: string;
  readonly at?: string;
  readonly author?: string;
}

export function confirmationJson(c: FindingConfirmation): ConfirmationJson {
  return { text: c.text, ...(c.at ? { at: c.at } : {}), ...(c.author ? { author: c.author } : {}) };
}
