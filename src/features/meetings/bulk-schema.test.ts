import { describe, expect, it } from 'vitest';
import { bulkSetSchema, emptyBulkSet, previewRow, toBulkSetForm } from './bulk-schema';

const issues = (input: Partial<typeof emptyBulkSet>) => {
  const parsed = bulkSetSchema.safeParse({ ...emptyBulkSet, ...input });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('bulk set form', () => {
  it('puts each problem on its field, in plain words', () => {
    expect(issues({ startIndex: '5', endIndex: '2', coSpaceNameMapping: 'x' })).toEqual({ endIndex: expect.stringMatching(/not be below the start index/) });
    expect(issues({ startIndex: 'one', coSpaceNameMapping: 'x' }).startIndex).toMatch(/whole number/);
    expect(issues({}).coSpaceNameMapping).toMatch(/at least one mapping/);
    expect(issues({ coSpaceUriMapping: 'room$index$@example.com' }).coSpaceUriMapping).toMatch(/no “@”/);
    expect(issues({ coSpaceUriMapping: 'room $index$' }).coSpaceUriMapping).toMatch(/no URI user part/);
    expect(issues({ coSpaceCallIdMapping: 'call$index$' }).coSpaceCallIdMapping).toMatch(/digits only/);
    expect(issues({ coSpaceNameMapping: 'Cost $5 $index$' }).coSpaceNameMapping).toMatch(/write “\\\$”/);
  });

  it('sends only what is set and previews what CMS will make', () => {
    const parsed = bulkSetSchema.parse({ ...emptyBulkSet, startIndex: '1', endIndex: '50', coSpaceNameMapping: 'Room $index$', coSpaceUriMapping: 'Room.$index$' });
    expect(toBulkSetForm(parsed)).toEqual({ startIndex: 1, endIndex: 50, coSpaceNameMapping: 'Room $index$', coSpaceUriMapping: 'Room.$index$', nonMemberAccess: true });
    expect(previewRow({ coSpaceNameMapping: 'Room $index$', coSpaceUriMapping: 'Room.$index$', coSpaceCallIdMapping: '' }, 50)).toEqual({
      index: 50,
      name: 'Room 50',
      uri: 'room.50',
      callId: undefined,
    });
  });
});
