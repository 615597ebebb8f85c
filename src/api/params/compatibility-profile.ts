import { defineParams } from './param-def';

/** `/compatibilityProfiles[/<id>]` (2.1 onwards; blueprint "Compatibility Profile Methods" and `compatibility`). */
export const compatibilityProfileParams = defineParams({
  sipUdt: { type: 'boolean', since: '2.1', description: 'Whether UDT (Active Control) is allowed within SIP calls.' },
  sipMultistream: { type: 'boolean', since: '2.2', description: 'Whether Cisco multistream signalling is allowed within SIP calls.' },
  sipMediaPayloadTypeMode: { type: 'enum', values: ['auto', 'broadsoft'], since: '2.2', description: 'Normal media payload types, or the broadsoft variant.' },
  chromeWebRtcVideoCodec: { type: 'enum', values: ['auto', 'avoidH264'], since: '2.3', description: 'Which codec Chrome uses for WebRTC calls.' },
  chromeWebRtcH264interopMode: { type: 'enum', values: ['auto', 'none'], since: '2.9', description: 'H.264 parameters used by Chrome for WebRTC calls.' },
  h264CHPMode: { type: 'enum', values: ['auto', 'basic'], since: '2.4', description: 'Which parts of H.264 Constrained High Profile are used.' },
  sipH224: { type: 'boolean', since: '2.8', description: 'Whether H.224 (far-end camera control) is allowed within SIP calls.' },
  distributionLinkMediaTraversal: {
    type: 'enum',
    values: ['enabled', 'disabled'],
    since: '2.8',
    description: 'Whether ICE/STUN is used on distribution links between clustered servers.',
  },
});
