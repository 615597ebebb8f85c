import { callLegProfileParams } from '../../../api/params/call-leg-profile';
import { participantParams } from '../../../api/params/participant';
import type { XmlBuildElement } from '../../../api/wire/xml';
import type { MockContext } from '../context';
import { LEG_OVERRIDES } from '../profile-scopes';
import { resources } from '../resources';
import type { Entity, Values } from '../store';
import { entityElement, valueChildren } from '../wire';

/** Elements CMS prints inside a leg's `<configuration>`, not at its top level. */
const LEG_CONFIGURATION = ['ownerId', 'chosenLayout', ...LEG_OVERRIDES];

const seconds = (entity: Entity) => Math.max(0, Math.floor((Date.now() - Number(entity.meta.createdAt ?? Date.now())) / 1000));

/**
 * A single call: what it was given plus what CMS computes for a live call (blueprint "Retrieving
 * Information on an Individual Active Call"). The flags CMS reports false until someone sets them.
 */
export function renderCall(ctx: MockContext, call: Entity): XmlBuildElement {
  const legs = ctx.store.all('callLeg', call.id).length;
  const values: Values = {
    callType: call.values.coSpace !== undefined ? 'coSpace' : 'adHoc',
    durationSeconds: seconds(call),
    numCallLegs: legs,
    maxCallLegs: Math.max(legs, Number(call.meta.maxLegs ?? 0)),
    numParticipantsLocal: legs,
    numParticipantsRemote: 0,
    locked: false,
    recording: false,
    streaming: false,
    allowAllMuteSelf: false,
    allowAllPresentationContribution: false,
    activeWhenEmpty: true,
    ...call.values,
  };
  return entityElement(call, valueChildren(resources.call.params, values));
}

/** A leg: its own profile overrides, owner and chosen layout inside `<configuration>`, its state inside `<status>`. */
export function renderCallLeg(ctx: MockContext, leg: Entity): XmlBuildElement {
  const values: Values = { type: 'sip', canMove: false, originalRemoteParty: leg.values.remoteParty ?? '', ...leg.values };
  const top = valueChildren(resources.callLeg.params, values).filter(([n]) => !LEG_CONFIGURATION.includes(n));
  const configuration = valueChildren({ ...resources.callLeg.params, ...callLegProfileParams }, leg.values, LEG_CONFIGURATION);
  const layout = leg.values.chosenLayout ?? leg.values.defaultLayout ?? 'allEqual';
  return entityElement(leg, [
    ...top,
    ['configuration', { children: configuration }],
    [
      'status',
      {
        children: [
          ['state', 'connected'],
          ['durationSeconds', String(seconds(leg))],
          ['deactivated', String(ctx.simulation.isDeactivated(leg))],
          ['encryptedMedia', 'true'],
          ['layout', String(layout)],
        ],
      },
    ],
  ]);
}

const userJidOf = (ctx: MockContext, leg: Entity) => {
  const party = String(leg.values.remoteParty ?? '').toLowerCase();
  return ctx.store.all('user').find((u) => String(u.values.userJid ?? '').toLowerCase() === party)?.values.userJid;
};

/** A participant (one per leg here): who, which call, activator or not, its settings and state (2.2 onwards). */
export function renderParticipant(ctx: MockContext, leg: Entity, forList: boolean): XmlBuildElement {
  const id = { id: leg.meta.participant ?? leg.id };
  const basics: Array<[string, string]> = [
    ['name', String(leg.values.name ?? leg.values.remoteParty ?? '')],
    ['call', String(leg.parent ?? '')],
  ];
  if (forList) return { attributes: id, children: basics };
  const userJid = userJidOf(ctx, leg);
  const values: Values = {
    numCallLegs: 1,
    uri: String(leg.values.remoteParty ?? ''),
    originalUri: String(leg.values.remoteParty ?? ''),
    ...(userJid !== undefined ? { userJid } : {}),
    isActivator: ctx.simulation.isActivator(leg),
    canMove: false,
  };
  const configuration = valueChildren(participantParams, leg.values, ['importance', 'nameLabelOverride', 'defaultLayout', 'layoutTemplate']);
  return {
    attributes: id,
    children: [
      ...basics,
      ...valueChildren(participantParams, values, ['numCallLegs', 'uri', 'originalUri', 'userJid', 'isActivator', 'canMove']),
      ['configuration', { children: configuration }],
      ['status', { children: [['state', 'connected'], ['deactivated', String(ctx.simulation.isDeactivated(leg))]] }],
    ],
  };
}
