import { defineGenericIntegration } from '../shared-generic/generic';

/** IFTTT's Webhooks service (Maker): the applet's JSON body has `topic` (or `subject`) and `content`. */
export const iftttIntegration = defineGenericIntegration({
  name: 'ifttt',
  displayName: 'IFTTT',
  topicFields: ['topic', 'subject'],
  contentField: 'content',
});
