// A problem a person can act on, found below the entry points: it carries its message, so the entry point says it in their language.
import { type Lang, type MessageKey, type MessageParams, t } from './i18n';

export class Problem extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    // English for logs and for callers that never reach a person (triggers); people get say(lang).
    super(t('en', key, params));
  }

  say(lang: Lang): string {
    return t(lang, this.key, this.params);
  }
}
