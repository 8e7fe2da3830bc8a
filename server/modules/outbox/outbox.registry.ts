// The channels the worker can send through, registered at start by server/channels.ts (the composition of the
// modules that implement them), so the outbox depends on no channel module.
import type { OutboxChannel, OutboxChannelName } from './outbox.channels.js';

const channels = new Map<OutboxChannelName, OutboxChannel>();

/** Sets (or with undefined, removes) the channel of a name; returns the one it replaces. */
export function registerChannel(
  name: OutboxChannelName,
  channel: OutboxChannel | undefined,
): OutboxChannel | undefined {
  const previous = channels.get(name);
  if (channel) channels.set(name, channel);
  else channels.delete(name);
  return previous;
}

export function channelOf(name: OutboxChannelName): OutboxChannel | undefined {
  return channels.get(name);
}

/** Why a channel's messages wait untried, or null when it can send now. */
export function unavailableReason(name: OutboxChannelName): string | null {
  const channel = channels.get(name);
  if (!channel) return `no ${name} channel is set up in this process`;
  return channel.unavailable();
}

/** The channels that can send now: the worker claims only their messages. */
export function sendingChannels(): OutboxChannelName[] {
  return [...channels.entries()].filter(([, c]) => c.unavailable() === null).map(([name]) => name);
}
