// MongoDB connection strings list several hosts (`h1:27017,h2:27017`), which WHATWG URL cannot
// parse; this reads the parts the specs compare.
export interface MongoUrl {
  username?: string;
  password?: string;
  hosts: string[];
  database: string;
  options: URLSearchParams;
}

export function parseMongoUrl(url: string): MongoUrl {
  const match = /^mongodb:\/\/(?:([^:@/]+)(?::([^@/]*))?@)?([^/?]+)\/?([^?]*)(?:\?(.*))?$/.exec(
    url,
  );
  if (!match) throw new Error(`not a mongodb:// URL: ${url}`);
  const [, username, password, hosts, database, query] = match;
  return {
    username: username === undefined ? undefined : decodeURIComponent(username),
    password: password === undefined ? undefined : decodeURIComponent(password),
    hosts: hosts.split(','),
    database: decodeURIComponent(database),
    options: new URLSearchParams(query ?? ''),
  };
}
