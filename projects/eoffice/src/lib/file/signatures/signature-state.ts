import { officeDateTime } from '@eoffice/domain';
import type { NoteSignatureView } from './note-signing.service';

/** A signature's state as readers are shown it, or 'checking' while the verifier runs. */
export type SignatureStateName = NoteSignatureView['status'] | 'checking';

/** How each state reads (translation keys), its icon, and whether it is good or bad news. */
export const SIGNATURE_STATES: Record<SignatureStateName, { label: string; detail?: string; icon: string; tone: 'good' | 'bad' | 'none' }> =
  {
    checking: { label: 'EOFFICE.SIGNATURES.STATE.CHECKING', icon: 'hourglass_empty', tone: 'none' },
    valid: { label: 'EOFFICE.SIGNATURES.STATE.VALID', icon: 'verified', tone: 'good' },
    changed: { label: 'EOFFICE.SIGNATURES.STATE.CHANGED', detail: 'EOFFICE.SIGNATURES.DETAIL.CHANGED', icon: 'gpp_bad', tone: 'bad' },
    'unknown-signer': {
      label: 'EOFFICE.SIGNATURES.STATE.UNKNOWN_SIGNER',
      detail: 'EOFFICE.SIGNATURES.DETAIL.UNKNOWN_SIGNER',
      icon: 'gpp_maybe',
      tone: 'bad'
    },
    expired: { label: 'EOFFICE.SIGNATURES.STATE.EXPIRED', detail: 'EOFFICE.SIGNATURES.DETAIL.EXPIRED', icon: 'gpp_bad', tone: 'bad' },
    revoked: { label: 'EOFFICE.SIGNATURES.STATE.REVOKED', detail: 'EOFFICE.SIGNATURES.DETAIL.REVOKED', icon: 'gpp_bad', tone: 'bad' },
    unsigned: { label: 'EOFFICE.SIGNATURES.STATE.UNSIGNED', icon: 'edit_off', tone: 'none' }
  };

/**
 * A note's signature state as printed text (the whole-file PDF, its archival copy): the state, the signer
 * and issuer from the certificate with the signing time, and for a bad state what it means, in the words
 * of the notesheet's <eoffice-signature-state>. Null where the notesheet shows nothing: an unsigned note
 * where the department does not require signatures.
 */
export function signatureStateLines(
  view: NoteSignatureView,
  translate: (key: string, params?: Record<string, unknown>) => string,
  signaturesRequired: boolean
): { lines: string[]; tone: 'good' | 'bad' | 'none' } | null {
  if (view.status === 'unsigned' && !signaturesRequired) return null;
  const look = SIGNATURE_STATES[view.status];
  const who = view.signer
    ? [
        translate('EOFFICE.SIGNATURES.DETAIL.SIGNER', { name: view.signer.name, issuer: view.signer.issuerName }),
        officeDateTime(view.signingTime)
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  const lines = [[translate(look.label), who].filter(Boolean).join(': ')];
  if (look.detail) lines.push(translate(look.detail));
  return { lines, tone: look.tone };
}
