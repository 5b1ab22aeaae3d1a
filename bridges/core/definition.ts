import type { BridgeLogger } from './logger';
import type { MessageMap } from './message-map';
import { bridgeSchema, CommonConfig, commonShape, loadBridgeConfig, redact } from './config';
import { ConfigError } from './config-schema';
import type { Shape, ShapeValue } from './config-schema';
import type { Bridge, ChannelMapping } from './types';

/** What a protocol hands the daemon once its config is loaded. */
export interface BridgeSetup {
  bridge: Bridge;
  mappings: ChannelMapping[];
  /** Chat edits → remote (default true). */
  relayEdits?: boolean;
  /** Chat deletions → remote (default false). */
  relayDeletes?: boolean;
}

export interface BridgeContext {
  logger: BridgeLogger;
  /** The bridge's persistent store (also usable for protocol state via `get`/`set`). */
  map: MessageMap;
}

/** A protocol's config, validated, ready to build the bridge. */
export interface LoadedBridge {
  protocol: string;
  clientName: string;
  common: CommonConfig;
  /** The config with secrets replaced by `***`, for the start-up log line. */
  redacted: unknown;
  create(context: BridgeContext): BridgeSetup | Promise<BridgeSetup>;
}

/** What each `bridges/<protocol>/definition.ts` exports as `definition`. */
export interface BridgeDefinition {
  protocol: string;
  /** Loads and validates `file` plus `BRIDGE_<PROTOCOL>_*` overrides; throws ConfigError. */
  load(file: string | undefined, env?: Readonly<Record<string, string | undefined>>): LoadedBridge;
}

/**
 * Declares a protocol: its extra config sections (beside the common ones), the chat client name
 * the server must see (`irc_mirror`, `JabberMirror`...), and how to build the bridge.
 */
export function defineBridge<S extends Shape>(spec: {
  protocol: string;
  clientName: string;
  shape: S;
  /** Checks across keys that the schema cannot express; throw ConfigError naming the key. */
  validate?(config: ShapeValue<typeof commonShape & S>): void;
  create(
    config: ShapeValue<typeof commonShape & S>,
    context: BridgeContext,
  ): BridgeSetup | Promise<BridgeSetup>;
}): BridgeDefinition {
  const schema = bridgeSchema(spec.shape);
  return {
    protocol: spec.protocol,
    load(file, env = process.env) {
      const config = loadBridgeConfig(spec.protocol, schema, file, env);
      try {
        spec.validate?.(config);
      } catch (error) {
        if (error instanceof ConfigError) {
          throw new ConfigError(`${file ?? 'environment'}: ${error.message}`);
        }
        throw error;
      }
      return {
        protocol: spec.protocol,
        clientName: spec.clientName,
        common: config as CommonConfig,
        redacted: redact(schema, config),
        create: (context) => spec.create(config, context),
      };
    },
  };
}
