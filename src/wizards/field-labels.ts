import { labelOf } from '../domain/space-planning/wizard-fields';

/** A form path in words, for error summaries: 'members.1.userJid' → 'Member 2' (see `wizard-fields.ts`). */
export function fieldLabel(field: string): string {
  return labelOf(field);
}
