import { systemProfilesParams } from '../../../api/params/system-profiles';
import { systemStatusElementOrder, systemStatusParams } from '../../../api/params/system-status';
import type { MockContext } from '../context';
import { applyForm, referenceCheck } from '../crud/forms';
import { route, type Route } from '../http/router';
import type { Values } from '../store';
import { emptyOk, valueChildren, xmlResponse } from '../wire';

function status(ctx: MockContext): Response {
  const { store } = ctx;
  const values: Values = {
    hostId: store.hostId,
    softwareVersion: '3.9.0',
    uptimeSeconds: Math.floor((Date.now() - store.startedAt) / 1000),
    cdrTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    activated: true,
    clusterEnabled: store.all('callBridge').length > 1,
    clusterId: store.clusterId,
    cdrCorrelatorIndex: store.cdrRecords,
    callLegsActive: store.all('callLeg').length,
    callLegsMaxActive: store.maxActiveLegs,
    callLegsCompleted: store.completedLegs,
    audioBitRateOutgoing: 0,
    videoBitRateOutgoing: 0,
    audioBitRateIncoming: 0,
    videoBitRateIncoming: 0,
  };
  return xmlResponse('status', { children: valueChildren(systemStatusParams, values, undefined, systemStatusElementOrder) });
}

/** `/system/status` and the global profiles at `/system/profiles`. */
export function systemRoutes(ctx: MockContext): Route[] {
  return [
    route('system/status', { GET: () => status(ctx) }),
    route('system/profiles', {
      GET: () => xmlResponse('profiles', { children: valueChildren(systemProfilesParams, ctx.store.systemProfiles) }),
      PUT: (req) => {
        const { values } = applyForm(systemProfilesParams, req.body, ctx.store.systemProfiles, 'PUT');
        referenceCheck(ctx.store, systemProfilesParams, values);
        return ctx.gate.write(() => {
          ctx.store.systemProfiles = values;
          return emptyOk();
        }, req.signal);
      },
    }),
  ];
}
