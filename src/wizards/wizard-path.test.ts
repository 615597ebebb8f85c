import type { Path } from 'react-hook-form';
import { describe, expectTypeOf, it } from 'vitest';
import type { WizardPath, WizardValues } from '../domain/space-planning/wizard-schema';

describe('WizardPath', () => {
  it('names exactly the fields react-hook-form names', () => {
    expectTypeOf<WizardPath>().toEqualTypeOf<Path<WizardValues>>();
  });
});
