// The wire types and constant lists are the server's (server/shared/: pure files, no server imports); the client
// never redefines them, it imports them from here.
export * from '../../../server/shared/index';
