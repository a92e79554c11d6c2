// The engine's version, stored with every run so that a result can be traced to the code that made it.
export const ENGINE_VERSION = '0.1.0';
