import { describe, expect, it } from 'vitest';
import { CmsError } from '../../api/transport/errors';
import { WIZARD_SCENARIOS } from '../../lib/wizard-links';
import { failureIssues } from './failures';
import { planWizard } from './plan';
import type { CurrentState } from './types';
import { labelOf, WIZARD_FIELDS } from './wizard-fields';
import { guideExample, isWizardPath, wizardSchemas, type WizardInput } from './wizard-schema';

const empty: CurrentState = { sameUriSpaces: [], callLegProfiles: [], callProfiles: [], tenants: {}, systemProfiles: {}, reach: { system: { spaces: 0 } }, missing: [] };
const refused = (parameter: string) => new CmsError({ kind: 'http', method: 'POST', path: '/api/v1/x', status: 400, failures: [{ code: 'parameterError', parameter, error: 'invalidValue' }] });

function input(scenario: WizardInput['scenario'], change?: (values: ReturnType<typeof guideExample>) => void): WizardInput {
  const values = structuredClone(guideExample(scenario));
  change?.(values);
  return wizardSchemas[scenario].parse(values);
}

describe('the wizard field descriptions', () => {
  it('describe only paths the form has, each with a label', () => {
    for (const field of WIZARD_FIELDS) {
      const concrete = field.path.replace('members.*', 'members.0').replace('*', 'rxAudioMute').replace('permissions.rxAudioMute', 'permissions.canDestroy');
      expect(isWizardPath(concrete), field.path).toBe(true);
      expect(labelOf(concrete)).not.toBe(concrete);
    }
  });

  it.each(WIZARD_SCENARIOS)('%s: every parameter the plan sends lands on the field that set it when CMS refuses it', (scenario) => {
    const wizard = input(scenario, (v) => {
      if (v.scenario === 'different-uris') v.profiles.guestScope = 'system';
      if (v.scenario === 'same-uri-two-pins') v.profiles.guest = { mode: 'create', settings: { needsActivation: true, defaultLayout: 'allEqual' }, advanced: { muteSelfAllowed: false } };
    });
    const plan = planWizard(wizard, empty);
    for (const request of plan.requests) {
      for (const parameter of Object.keys(request.form)) {
        const [issue] = failureIssues(wizard, request, refused(parameter));
        expect(issue?.field, `${request.key} ${parameter}`).not.toBe('');
      }
    }
  });

  it('blames the parameter a request changed for a code about two of them (a PUT of the call ID is no PIN problem)', () => {
    const wizard = input('same-uri-two-pins');
    const duplicate = (code: string) => new CmsError({ kind: 'http', method: 'PUT', path: '/api/v1/x', status: 400, failures: [{ code }] });
    const put = (form: Record<string, string>) => ({ key: 'accessMethod', title: 'Change', method: 'PUT' as const, path: '/coSpaces/s/accessMethods/a', form, sensitive: [] });
    expect(failureIssues(wizard, put({ callId: '889' }), duplicate('duplicateCoSpaceIdPasscode'))[0]?.field).toBe('access.callId');
    expect(failureIssues(wizard, put({ uri: 'x' }), duplicate('duplicateCoSpaceUriPasscode'))[0]?.field).toBe('access.uri');
    expect(failureIssues(wizard, put({ uri: 'x', callId: '1', passcode: '1' }), duplicate('duplicateCoSpaceIdPasscode'))[0]?.field).toBe('access.passcode');
  });

  it('places failures where the form sets what CMS refused', () => {
    const wizard = input('members-are-hosts', (v) => {
      v.profiles.guestScope = 'tenant';
      v.profiles.tenantId = 'e2f6a4c8-1b3d-4f5a-9c7e-2d4b6f8a0c1e';
    });
    const plan = planWizard(wizard, { ...empty, tenants: { 'e2f6a4c8-1b3d-4f5a-9c7e-2d4b6f8a0c1e': { id: 'e2f6a4c8-1b3d-4f5a-9c7e-2d4b6f8a0c1e' } } });
    const at = (key: string, parameter: string) => failureIssues(wizard, plan.requests.find((r) => r.key === key)!, refused(parameter))[0]?.field;
    expect(at('space', 'uri')).toBe('space.uri');
    expect(at('space', 'tenant')).toBe('profiles.tenantId');
    expect(at('space', 'secret')).toBe('space');
    expect(at('accessMethod', 'callLegProfile')).toBe('profiles.host');
    expect(at('accessMethod', 'passcode')).toBe('access.passcode');
    expect(at('guestProfile', 'defaultLayout')).toBe('profiles.guest.settings.defaultLayout');
    expect(at('guestProfile', 'muteSelfAllowed')).toBe('profiles.guest.advanced.muteSelfAllowed');
    expect(at('scope', 'callLegProfile')).toBe('profiles.tenantId');
    expect(at('ownerJid', 'ownerJid')).toBe('space.ownerJid');
    expect(at('member:user1@evacanoalone.net', 'canDestroy')).toBe('members.0.permissions.canDestroy');
    expect(at('member:user1@evacanoalone.net', 'userJid')).toBe('members.0.userJid');
    expect(at('member:user1@evacanoalone.net', 'callLegProfile')).toBe('profiles.host');
  });
});
