import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { CLASSIFIED_GRADINGS } from '@eoffice/domain';
import { localDay } from './receipt.model';

/** Scans accepted for an electronic receipt. */
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/gif', 'image/bmp', 'image/webp'];
const SCAN_EXTENSIONS = /\.(pdf|jpe?g|png|tiff?|gif|bmp|webp)$/i;

/** Largest scan accepted, in bytes (the repository's default upload limit is larger). */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;

export type ScanProblem = 'type' | 'size' | 'empty';

/** Why a file cannot be a scan of a receipt, or undefined when it can. */
export function scanProblem(file: { name: string; type: string; size: number }, maxBytes = MAX_SCAN_BYTES): ScanProblem | undefined {
  const typeKnown = file.type !== '' && file.type !== 'application/octet-stream';
  const accepted = typeKnown ? SCAN_TYPES.includes(file.type) : SCAN_EXTENSIONS.test(file.name);
  if (!accepted) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'size';
  return undefined;
}

/** A date field (`yyyy-mm-dd`) must not lie after today. */
export function notInFuture(today: () => Date = () => new Date()): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = control.value as string | null;
    return value && value > localDay(today()) ? { future: true } : null;
  };
}

/**
 * Rules across fields of the diarise form, reported on the field they concern (so the message sits
 * next to it): the letter cannot be dated after it was received, nor diarised before it arrived,
 * and a classified grading needs its delivery mode.
 */
export const receiptCrossFieldRules: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const letterDate = group.get('letterDate');
  const receivedDate = group.get('receivedDate');
  const diarisedDate = group.get('diarisedDate');
  const deliveryMode = group.get('deliveryMode');
  const grading = group.get('securityGrading');
  const errors: ValidationErrors = {};

  setRule(letterDate, 'afterReceived', !!letterDate?.value && !!receivedDate?.value && letterDate.value > receivedDate.value);
  setRule(diarisedDate, 'beforeReceived', !!diarisedDate?.value && !!receivedDate?.value && diarisedDate.value < receivedDate.value);
  setRule(deliveryMode, 'classifiedNeedsMode', CLASSIFIED_GRADINGS.includes(grading?.value) && !deliveryMode?.value);

  for (const [name, control] of Object.entries({ letterDate, diarisedDate, deliveryMode })) {
    if (control?.errors) errors[name] = control.errors;
  }
  return Object.keys(errors).length ? errors : null;
};

/** Adds or removes one error key on a control without touching its other errors. */
function setRule(control: AbstractControl | null, key: string, broken: boolean): void {
  if (!control) return;
  const current = { ...(control.errors ?? {}) };
  if (broken === !!current[key]) return;
  if (broken) current[key] = true;
  else delete current[key];
  control.setErrors(Object.keys(current).length ? current : null);
}

/** Translation key of the first error of a field, in the order a diarist should fix them. */
export function errorKey(errors: ValidationErrors | null | undefined): string | undefined {
  if (!errors) return undefined;
  // Text the datepicker could not read as DD/MM/YYYY leaves no value: say so, not "required".
  if (errors['matDatepickerParse']) return 'EOFFICE.DATE.INVALID';
  const order = ['required', 'future', 'afterReceived', 'beforeReceived', 'classifiedNeedsMode', 'pattern', 'email', 'maxlength'];
  const first = order.find((key) => errors[key]) ?? Object.keys(errors)[0];
  return first ? `EOFFICE.RECEIPT.ERRORS.${first.toUpperCase()}` : undefined;
}
