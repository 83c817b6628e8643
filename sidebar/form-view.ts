// A form generated from a FormConfig: inputs by field type, normalization on blur, and errors next to each field.
import type { FormConfig, FormField } from '../src/domain/form';
import type { FieldError } from '../src/domain/validation';
import type { WireRecord, WireValue } from '../src/shared/rpc';
import { type CustomerPicker, type CustomerSearch, customerPicker } from './customer-picker';
import { h, today } from './dom';
import { checkField, type FieldCheck, phoneRegion, type RawValue, toInput } from './field-logic';
import { call } from './rpc-client';
import type { Translate } from './strings';

type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FormView {
  el: HTMLFormElement;
  /** Normalizes every editable field and shows what is wrong; the values to send, or null when any is wrong. */
  collect(): WireRecord | null;
  load(values: WireRecord): void;
  /** Sets one field, as load does for all (a picker shows the customer). */
  setValue(key: string, value: WireValue): void;
  /** The server's field-level errors, placed like the form's own; errors for fields not shown go above. */
  showErrors(errors: FieldError[]): void;
  clearErrors(): void;
  reset(): void;
  setBusy(busy: boolean): void;
}

export interface FormOptions {
  /** Prefix of element ids, unique per form on the page. */
  id: string;
  tr: Translate;
  defaultRegion: string;
  submitLabel: string;
  onSubmit: () => void;
  /** Values a fresh form starts with (today's date, the signed-in user…). */
  defaults?: () => WireRecord;
  /** How a field naming a customer finds one: with it, the field is a picker, never a bare ID box. */
  pickCustomer?: CustomerSearch;
}

function inputFor(field: FormField, id: string, tr: Translate): Input {
  const common = {
    id,
    name: field.key,
    disabled: field.readOnly,
    'aria-required': field.required || undefined,
  };
  switch (field.input) {
    case 'select':
      return h(
        'select',
        common,
        h('option', { value: '' }, tr('choose')),
        ...(field.options ?? []).map((o) => h('option', { value: o.key }, o.label)),
      );
    case 'textarea':
      return h('textarea', { ...common, rows: 3 });
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox' });
    // The picker cannot go past what the server would refuse (a birth date tomorrow, or in 1850).
    case 'date':
      return h('input', {
        ...common,
        type: 'date',
        min: field.notBefore,
        max: field.notAfterToday ? today() : undefined,
      });
    case 'datetime':
      return h('input', { ...common, type: 'datetime-local' });
    // Text with a numeric keyboard: a number input would hide "1,000" or "12a" from the script as ''.
    case 'number':
      return h('input', { ...common, type: 'text', inputMode: 'decimal' });
    case 'tel':
      return h('input', { ...common, type: 'tel', autocomplete: 'off' });
    case 'email':
      return h('input', { ...common, type: 'email', autocomplete: 'off' });
    default:
      return h('input', { ...common, type: 'text', autocomplete: 'off' });
  }
}

const rawOf = (input: Input): RawValue =>
  input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;

function setRaw(input: Input, v: RawValue, tr: Translate) {
  if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = v === true;
  else if (input instanceof HTMLSelectElement) {
    for (const o of input.querySelectorAll('option[data-not-on-list]'))
      if (o.getAttribute('value') !== v) o.remove();
    // A stored value that is not (or no longer) on its list is shown as it is and kept: never blanked.
    if (v !== '' && ![...input.options].some((o) => o.value === v))
      input.append(
        h('option', { value: String(v), 'data-not-on-list': true }, tr('notOnList', { value: String(v) })),
      );
    input.value = String(v);
  } else input.value = String(v);
}

/** A field's help: hidden text the input is described by, and a focusable button that shows or hides it. */
function helpFor(field: FormField, id: string, tr: Translate) {
  const text = h('div', { className: 'help', id: `${id}-help`, hidden: true }, field.help);
  const toggle = h(
    'button',
    {
      type: 'button',
      className: 'help-toggle',
      'aria-label': tr('helpFor', { field: field.label }),
      'aria-expanded': 'false',
      'aria-controls': text.id,
      onclick: () => {
        text.hidden = !text.hidden;
        toggle.setAttribute('aria-expanded', String(!text.hidden));
      },
    },
    '?',
  );
  return { text, toggle };
}

export function formView(config: FormConfig, o: FormOptions): FormView {
  const inputs = new Map<string, { field: FormField; input: Input; error: HTMLElement; note: HTMLElement }>();
  // The server's verdict on the phone as it now reads: the sidebar's min metadata is not the last word.
  let phoneVerdict: { for: string; error?: string } | undefined;
  // What the user typed into the phone field, and what the form then showed in its place.
  let phoneTyped: { typed: string; shown: string } | undefined;
  const pickers = new Map<string, CustomerPicker>();
  const general = h('div', { className: 'form-errors', role: 'alert' });
  const submit = h('button', { type: 'submit', className: 'primary' }, o.submitLabel);
  const el = h('form', { noValidate: true, className: 'record-form', 'data-form': o.id }, general);

  for (const field of config.fields) {
    if (field.hidden) continue;
    const id = `${o.id}-${field.key}`;
    const input = inputFor(field, id, o.tr);
    const error = h('div', { className: 'field-error', id: `${id}-error` });
    const help = field.help ? helpFor(field, id, o.tr) : null;
    const note = h('div', { className: 'field-note', id: `${id}-note` });
    // Screen readers read the help and the server's note with the field; the ? button shows help to everyone.
    input.setAttribute('aria-describedby', [help?.text.id, note.id, error.id].filter(Boolean).join(' '));
    const mark = field.required
      ? h('span', { className: 'req', 'aria-label': o.tr('required') }, ' *')
      : null;
    // The ID stays in a hidden input of the form; people choose it by name, company, phone or ID.
    const picker =
      field.refersTo === 'customer' && o.pickCustomer
        ? customerPicker({
            id: `${id}-pick`,
            tr: o.tr,
            search: o.pickCustomer,
            disabled: field.readOnly,
            onPick: (c) => {
              input.value = c?.id ?? '';
            },
          })
        : null;
    if (picker) {
      input.hidden = true;
      picker.input.setAttribute('aria-describedby', input.getAttribute('aria-describedby') ?? '');
      pickers.set(field.key, picker);
    }
    const label = h('label', { for: picker ? picker.input.id : id }, field.label, mark);
    const row =
      field.input === 'checkbox'
        ? h(
            'div',
            { className: 'field check', 'data-field': field.key },
            input,
            label,
            help?.toggle,
            help?.text,
            error,
          )
        : h(
            'div',
            { className: 'field', 'data-field': field.key },
            h('div', { className: 'label-row' }, label, help?.toggle),
            help?.text,
            picker?.el,
            input,
            note,
            error,
          );
    el.append(row);
    inputs.set(field.key, { field, input, error, note });
  }
  el.append(h('div', { className: 'actions' }, submit));

  const showError = (key: string, message: string) => {
    const entry = inputs.get(key);
    if (!entry) {
      general.append(h('div', {}, message));
      return;
    }
    entry.error.textContent = message;
    entry.input.setAttribute('aria-invalid', 'true');
    pickers.get(key)?.input.setAttribute('aria-invalid', 'true');
  };
  const clearError = (key: string) => {
    const entry = inputs.get(key);
    if (!entry) return;
    entry.error.textContent = '';
    entry.input.removeAttribute('aria-invalid');
    pickers.get(key)?.input.removeAttribute('aria-invalid');
  };

  const currentValues = (): WireRecord => {
    const v: WireRecord = {};
    for (const [k, { input }] of inputs)
      v[k] = typeof rawOf(input) === 'boolean' ? rawOf(input) : input.value;
    return v;
  };
  const region = () => phoneRegion(currentValues(), o.defaultRegion);

  const check = (key: string): FieldCheck | undefined => {
    const entry = inputs.get(key);
    if (!entry || entry.field.readOnly) return undefined;
    const result = checkField(entry.field, rawOf(entry.input), region());
    // Showing the normalized value in place is the point: the user sees what will be stored.
    if (!result.error) setRaw(entry.input, result.display, o.tr);
    if (result.error) showError(key, o.tr(result.error.key, result.error.params));
    else if (key === 'phone' && phoneVerdict?.for === result.value && phoneVerdict.error) {
      showError(key, phoneVerdict.error);
      return { ...result, error: { key: 'errPhone', params: {} } };
    } else clearError(key);
    return result;
  };

  /** Asks the server how it reads the number, and shows the stored form with the country it belongs to. */
  const askServer = (typed: string) => {
    const phone = inputs.get('phone');
    const country = inputs.get('country')?.input;
    if (!phone) return;
    phone.note.textContent = '';
    if (typed.trim() === '') return;
    const shown = phone.input.value;
    call('checkPhone', { phone: typed, country: country?.value || undefined }).then((r) => {
      if (phone.input.value !== shown) return;
      phoneVerdict = r.ok ? { for: r.value } : { for: shown, error: r.message };
      if (!r.ok) return showError('phone', r.message);
      setRaw(phone.input, r.value, o.tr);
      if (phoneTyped?.shown === shown) phoneTyped.shown = r.value;
      clearError('phone');
      phone.note.textContent = r.country ? `${r.display} · ${r.country}` : r.display;
      // An international number names its country: an empty Country takes it.
      if (country && !country.value && !r.assumed) country.value = r.region;
    }, String);
  };

  for (const [key, { input, field }] of inputs) {
    if (field.readOnly) continue;
    input.addEventListener(field.input === 'checkbox' || field.input === 'select' ? 'change' : 'blur', () => {
      const typed = String(rawOf(input));
      if (typed !== '' || field.required) check(key);
      if (key === 'phone') {
        phoneTyped = { typed, shown: input.value };
        askServer(typed);
      }
      // A phone number typed without +country code reads differently once the country is chosen: it is
      // read again as the user typed it, not as the form last showed it.
      const phone = inputs.get('phone');
      if (key === 'country' && phone?.input.value) {
        if (phoneTyped?.shown === phone.input.value) phone.input.value = phoneTyped.typed;
        const again = phone.input.value;
        check('phone');
        phoneTyped = { typed: again, shown: phone.input.value };
        askServer(again);
      }
    });
  }

  el.addEventListener('submit', (e) => {
    e.preventDefault();
    o.onSubmit();
  });

  const view: FormView = {
    el,
    collect() {
      general.replaceChildren();
      const out: WireRecord = {};
      let ok = true;
      for (const key of inputs.keys()) {
        const r = check(key);
        if (!r) continue;
        if (r.error) ok = false;
        out[key] = r.value;
      }
      if (!ok) el.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return ok ? out : null;
    },
    load(values) {
      view.clearErrors();
      phoneVerdict = undefined;
      phoneTyped = undefined;
      for (const { field, input, note } of inputs.values()) {
        setRaw(input, toInput(field, values[field.key]), o.tr);
        note.textContent = '';
        pickers.get(field.key)?.show(input.value);
      }
    },
    setValue(key, value) {
      const entry = inputs.get(key);
      if (!entry) return;
      setRaw(entry.input, toInput(entry.field, value), o.tr);
      pickers.get(key)?.show(entry.input.value);
    },
    showErrors(errors) {
      for (const e of errors) showError(e.field, e.message);
      el.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    },
    clearErrors() {
      general.replaceChildren();
      for (const key of inputs.keys()) clearError(key);
    },
    reset() {
      view.load(o.defaults?.() ?? {});
    },
    setBusy(busy) {
      submit.disabled = busy || !config.canSubmit;
      submit.textContent = busy ? o.tr('saving') : o.submitLabel;
    },
  };
  view.reset();
  view.setBusy(false);
  return view;
}
