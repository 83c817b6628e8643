// What the customer's page says, in English and Simplified Chinese.
import type { Lang } from '../i18n';

const en = {
  title: 'Your details',
  invalid: 'This link is not valid. Please use the link in your most recent email, or contact us.',
  expired: 'This link has expired. Please use the link in your most recent email, or contact us.',
  used: 'This link has already been used for this review. Thank you: there is nothing more to do.',
  busy: 'Too many requests right now. Please wait a minute and try again.',
  limit: 'This link has been used as many times as it may. Please contact us for further changes.',
  unavailable: 'This page is not available right now. Please try again later, or contact us.',
  heldIntro: 'These are the details we hold for you (reference {id}):',
  confirmHeading: 'Are these details correct?',
  confirmButton: 'These details are correct',
  changeLink: 'Something has changed',
  stopLink: 'Stop these emails',
  confirmed: 'Thank you: your details are confirmed. We will ask you again on {date}.',
  confirmedNoDate: 'Thank you: your details are confirmed.',
  correctHeading: 'What has changed?',
  correctIntro:
    'Change what is no longer right and send it. Nothing changes until our staff have checked it.',
  sendButton: 'Send my changes',
  noChange: 'Nothing was changed in the form. Change a detail, or confirm your details as they are.',
  fixErrors: 'Please check the highlighted details.',
  received: 'Thank you: we have received your changes. Our staff will check them and update your details.',
  stopHeading: 'Stop these emails?',
  stopIntro:
    'If you withdraw your consent we will stop emailing you to check your details, and record that you withdrew it.',
  stopButton: 'Withdraw my consent',
  stopped: 'Your consent is withdrawn and we will not email you to check your details again.',
  alreadyStopped: 'Your consent was already withdrawn. We will not email you to check your details.',
  notOnFile: 'not on file',
  none: '(none)',
} as const;

export type PageKey = keyof typeof en;

const zh: Readonly<Record<PageKey, string>> = {
  title: '您的信息',
  invalid: '此链接无效。请使用最近一封邮件中的链接，或与我们联系。',
  expired: '此链接已过期。请使用最近一封邮件中的链接，或与我们联系。',
  used: '此链接已用于本次核对。谢谢，您无需再做任何操作。',
  busy: '当前请求过多，请稍等一分钟后再试。',
  limit: '此链接的使用次数已达上限。如需再作更改，请与我们联系。',
  unavailable: '此页面暂时无法使用。请稍后再试，或与我们联系。',
  heldIntro: '以下是我们保存的您的信息（编号 {id}）：',
  confirmHeading: '这些信息是否正确？',
  confirmButton: '信息无误',
  changeLink: '信息有变更',
  stopLink: '不再接收此类邮件',
  confirmed: '谢谢，您的信息已确认。我们将于 {date} 再次请您核对。',
  confirmedNoDate: '谢谢，您的信息已确认。',
  correctHeading: '哪些信息有变更？',
  correctIntro: '请修改不再正确的信息后提交。在我们的员工核实之前，您的信息不会改变。',
  sendButton: '提交变更',
  noChange: '表单中没有任何修改。请修改信息，或确认现有信息无误。',
  fixErrors: '请检查标出的信息。',
  received: '谢谢，我们已收到您的变更。员工核实后会更新您的信息。',
  stopHeading: '不再接收此类邮件？',
  stopIntro: '撤回同意后，我们将不再发送邮件请您核对信息，并记录您撤回同意的日期。',
  stopButton: '撤回同意',
  stopped: '您已撤回同意，我们不会再发送邮件请您核对信息。',
  alreadyStopped: '您此前已撤回同意，我们不会再发送邮件请您核对信息。',
  notOnFile: '未登记',
  none: '（无）',
};

const pages: Readonly<Record<Lang, Readonly<Record<PageKey, string>>>> = { en, zh };

export function say(lang: Lang, key: PageKey, params: Readonly<Record<string, string>> = {}): string {
  return pages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.getOwnPropertyDescriptor(params, name) ? String(params[name]) : whole,
  );
}
