import { defineParams } from './param-def';

/** `/layoutTemplates[/<id>]` (blueprint "Layout Templates"): the template itself is uploaded to `/template`. */
export const layoutTemplateParams = defineParams({
  name: { type: 'string', description: 'The human-readable name of this layout template.' },
  templateSize: { type: 'integer', access: 'readOnly', description: 'Size of the template, in bytes.' },
});
