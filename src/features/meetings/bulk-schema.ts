import { z } from 'zod';
import { expandMapping, mappingSyntaxError, type NewBulkParameterSetForm } from '../../api/resources/bulk';
import { coSpaceParams } from '../../api/params/co-space';
import { cospaceBulkParameterSetParams } from '../../api/params/cospace-bulk-parameter-set';
import { valueProblem } from '../../api/params/write-schema';

/** '' leaves the profile unset; an id is checked as the table says. */
const profileRef = (name: 'callProfile' | 'callLegProfile') =>
  z.string().refine((id) => valueProblem(cospaceBulkParameterSetParams[name], id) === undefined, { error: 'Pick a profile from the list.' });
const index = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, { error: `${label}: a whole number, 0 or more.` })
    .transform(Number);
const mapping = z
  .string()
  .superRefine((text, ctx) => {
    const problem = mappingSyntaxError(text);
    if (problem) ctx.addIssue({ code: 'custom', message: `This mapping ${problem}` });
  });

/** The form of a new coSpaceBulkParameterSet: text as typed, checked as CMS would expand it. */
export const bulkSetSchema = z
  .object({
    startIndex: index('Start index'),
    endIndex: index('End index'),
    coSpaceNameMapping: mapping,
    coSpaceUriMapping: mapping.refine((text) => !text.includes('@'), { error: 'A URI mapping is the user part only: no “@”.' }),
    coSpaceCallIdMapping: mapping,
    callProfile: profileRef('callProfile'),
    callLegProfile: profileRef('callLegProfile'),
    nonMemberAccess: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.endIndex < v.startIndex) {
      ctx.addIssue({ code: 'custom', path: ['endIndex'], message: 'The end index must not be below the start index: CMS would fail the sync (index range invalid).' });
    }
    if (v.coSpaceNameMapping === '' && v.coSpaceUriMapping === '' && v.coSpaceCallIdMapping === '') {
      ctx.addIssue({ code: 'custom', path: ['coSpaceNameMapping'], message: 'Give at least one mapping: spaces without name, URI or call ID cannot be told apart.' });
    }
    if (v.coSpaceUriMapping !== '' && !v.coSpaceUriMapping.includes('@') && !mappingSyntaxError(v.coSpaceUriMapping)) {
      const sample = expandMapping(v.coSpaceUriMapping, v.startIndex);
      if (valueProblem(coSpaceParams.uri, sample) !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['coSpaceUriMapping'], message: `It makes “${sample}”, which is no URI user part (no spaces, none of : ; < > ").` });
      }
    }
    if (v.coSpaceCallIdMapping !== '' && !mappingSyntaxError(v.coSpaceCallIdMapping)) {
      const sample = expandMapping(v.coSpaceCallIdMapping, v.startIndex);
      if (valueProblem(coSpaceParams.callId, sample) !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['coSpaceCallIdMapping'], message: `It makes “${sample}”: a call ID is digits only.` });
      }
    }
  });

export type BulkSetInput = z.input<typeof bulkSetSchema>;
export type BulkSetValues = z.output<typeof bulkSetSchema>;

export const emptyBulkSet: BulkSetInput = {
  startIndex: '1',
  endIndex: '10',
  coSpaceNameMapping: '',
  coSpaceUriMapping: '',
  coSpaceCallIdMapping: '',
  callProfile: '',
  callLegProfile: '',
  nonMemberAccess: true,
};

/** The POST body: empty mappings and profiles are left out (CMS then leaves them unset). */
export function toBulkSetForm(v: BulkSetValues): NewBulkParameterSetForm {
  return {
    startIndex: v.startIndex,
    endIndex: v.endIndex,
    ...(v.coSpaceNameMapping ? { coSpaceNameMapping: v.coSpaceNameMapping } : {}),
    ...(v.coSpaceUriMapping ? { coSpaceUriMapping: v.coSpaceUriMapping } : {}),
    ...(v.coSpaceCallIdMapping ? { coSpaceCallIdMapping: v.coSpaceCallIdMapping } : {}),
    ...(v.callProfile ? { callProfile: v.callProfile } : {}),
    ...(v.callLegProfile ? { callLegProfile: v.callLegProfile } : {}),
    nonMemberAccess: v.nonMemberAccess,
  };
}

/** What index i gives, for the preview: `undefined` for a field the set leaves unset. */
export function previewRow(v: Pick<BulkSetInput, 'coSpaceNameMapping' | 'coSpaceUriMapping' | 'coSpaceCallIdMapping'>, i: number) {
  const apply = (m: string) => (m === '' || mappingSyntaxError(m) ? undefined : expandMapping(m, i));
  return { index: i, name: apply(v.coSpaceNameMapping), uri: apply(v.coSpaceUriMapping)?.toLowerCase(), callId: apply(v.coSpaceCallIdMapping) };
}
