/** The HTTP contract of the loopback verification API: every body and the problem+json error. */
export * from './problem';
export * from './users';
export * from './totp';
export * from './admin';
export * from './meta';
