// The one logger. Messages are event names with metadata; never bodies, passwords, tokens or personal data.
import winston from 'winston';
import { config } from '../config.js';
import { currentContext } from './request-context.js';

const withRequestId = winston.format((info) => {
  const ctx = currentContext();
  if (ctx && info.requestId === undefined) info.requestId = ctx.requestId;
  return info;
});

const silent = config.logLevel === 'silent';
const level = config.logLevel === 'silent' ? 'error' : config.logLevel;

// winston formats every message before its transports compare levels, so a message below the level would still be
// stamped and serialised (safe-stable-stringify) only to be dropped: 5 % of a scan lookup's CPU. Drop it first.
const belowLevel = winston.format((info) => {
  const levels = winston.config.npm.levels;
  return levels[info.level] <= levels[level] ? info : false;
});

export const logger = winston.createLogger({
  level,
  silent,
  format: winston.format.combine(
    belowLevel(),
    withRequestId(),
    winston.format.timestamp(),
    config.env === 'production' || config.logFile
      ? winston.format.json()
      : winston.format.combine(winston.format.colorize(), winston.format.simple()),
  ),
  transports: [
    config.logFile ? new winston.transports.File({ filename: config.logFile }) : new winston.transports.Console(),
  ],
});
