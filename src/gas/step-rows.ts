// Rows a step of a scan spread over executions reads: about a million cells' worth, or what the project's settings page says.
import { stepRows } from '../domain/care/check-steps';
import { SCRIPT_PROPERTY_KEYS } from './property-keys';

/**
 * Rows per step of a sheet `width` columns wide. A script property set on the project's settings page wins
 * (a tuning knob, and how tests force many steps on a small register); none is set by default.
 */
export function rowsPerStep(width: number, knob: 'dataCheckRows' | 'backupRows'): number {
  const raw = PropertiesService.getScriptProperties().getProperty(SCRIPT_PROPERTY_KEYS[knob]);
  const n = Number(raw);
  return stepRows(width, raw && Number.isFinite(n) && n >= 1 ? n : null);
}
