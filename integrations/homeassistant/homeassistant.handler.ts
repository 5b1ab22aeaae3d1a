import { defineGenericIntegration } from '../shared-generic/generic';

/**
 * Home Assistant's `rest_command` / notify platform: `message`, and an optional `topic`
 * (otherwise "homeassistant", as Zulip does).
 */
export const homeassistantIntegration = defineGenericIntegration({
  name: 'homeassistant',
  displayName: 'Home Assistant',
  topicFields: ['topic'],
  defaultTopic: 'homeassistant',
  contentField: 'message',
});
