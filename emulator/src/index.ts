// The emulator's public API: an offline Apps Script runtime for one spreadsheet and its bound script.
export { type Behaviour, defaultBehaviour, limits, messages } from './behaviour';
export { BridgeError, encodeArgs, encodeResult } from './bridge';
export { callCost, costs } from './costs';
export {
  type CallInfo,
  Emulator,
  type EmulatorOptions,
  type EmulatorState,
  errorText,
  type PersonResult,
  type TriggerFailure,
  type WebAppManifest,
  type WebAppRequest,
  type WebAppResponse,
} from './emulator';
export type { ExecutionRecord } from './meter';
export type { MenuRecord, SidebarRecord, UiRecord } from './services/html';
export type { SentMail } from './services/mail';
export type { TriggerRecord } from './services/script-app';
export type { LineChange, SortSpec } from './spreadsheet';
