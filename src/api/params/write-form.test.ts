import { describe, expect, expectTypeOf, it } from 'vitest';
import type { callLegParams } from './call-leg';
import type { coSpaceParams } from './co-space';
import type { tenantParams } from './tenant';
import { toWire, type CreateForm, type WritableKey, type WriteForm } from './write-form';

describe('toWire', () => {
  it("keeps '' (unset) and drops undefined (unchanged)", () => {
    const form: WriteForm<typeof coSpaceParams> = { name: 'Lobby', passcode: '', callLegProfile: undefined, nonMemberAccess: false, panePlacementHighestImportance: 3 };
    expect(toWire(form)).toEqual({ name: 'Lobby', passcode: '', nonMemberAccess: false, panePlacementHighestImportance: 3 });
    expect(toWire({})).toEqual({});
  });

  it('refuses values CMS cannot take', () => {
    expect(() => toWire({ name: null })).toThrow(TypeError);
    expect(() => toWire({ name: { text: 'x' } })).toThrow(/name/);
  });
});

describe('WriteForm and CreateForm types', () => {
  it('derive field types from the parameter tables, without readOnly fields', () => {
    type Space = WriteForm<typeof coSpaceParams>;
    expectTypeOf<Space['nonMemberAccess']>().toEqualTypeOf<boolean | '' | undefined>();
    expectTypeOf<Space['panePlacementHighestImportance']>().toEqualTypeOf<number | '' | undefined>();
    expectTypeOf<Space['panePlacementSelfPaneMode']>().toEqualTypeOf<'skip' | 'self' | 'blank' | 'unset' | '' | undefined>();
    expectTypeOf<'numAccessMethods'>().not.toExtend<WritableKey<typeof coSpaceParams>>();
    expectTypeOf<'ownerId'>().not.toExtend<WritableKey<typeof coSpaceParams>>();
    expectTypeOf<'regenerateSecret'>().toExtend<WritableKey<typeof coSpaceParams>>();
    // @ts-expect-error numAccessMethods is computed by CMS
    const readOnly: Space = { numAccessMethods: 1 };
    void readOnly;
  });

  it('require mandatory parameters on create and leave out PUT-only ones', () => {
    expectTypeOf<CreateForm<typeof callLegParams>['remoteParty']>().toEqualTypeOf<string>();
    expectTypeOf<CreateForm<typeof tenantParams>['name']>().toEqualTypeOf<string>();
    expectTypeOf<'regenerateSecret'>().not.toExtend<keyof CreateForm<typeof coSpaceParams>>();
    // @ts-expect-error a dial-out needs remoteParty
    const noParty: CreateForm<typeof callLegParams> = { needsActivation: false };
    void noParty;
  });
});
