// The one logger. Messages are event names with metadata; never bodies, passwords, tokens or personal data.
import winston from 'winston';
import { config } from '../config.js';
import { currentContext } from './request-context.js';

const withRequestId = winston.format((info) => {
  const ctx = currentContext();
  if (ctx && info.requestId === undefined) info.requestId = ctx.requestId;
  return info;
});

const silent = config.env === 'test' && !config.logFile ? true : config.logLevel === 'silent';

export const logger = winston.createLogger({
  level: config.logLevel === 'silent' ? 'error' : config.logLevel,
  silent,
  format: winston.format.combine(
    withRequestId(),
    winston.format.timestamp(),
    config.env === 'production' || config.logFile
      ? winston.format.json()
      : winston.format.combine(winston.format.colorize(), winston.format.simple()),
  ),
  transports: [
    config.logFile
      ? new winston.transports.File({ filename: config.logFile })
      : new winston.transports.Console(),
  ],
});
