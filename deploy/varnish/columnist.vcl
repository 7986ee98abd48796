vcl 4.1;
# Varnish in front of Columnist (`make prod`): deploy/README.md says how to start it.
#
# What is cached is what the app says may be: a page with `s-maxage` in its Cache-Control
# (anonymous pages only), for that long at most, and each cached page is tagged with the keys
# of what it shows (the `xkey` header). A save sends a PURGE naming the keys it touched
# (pagecache/purge.py), which drops exactly the pages that show them. Anything private (a
# session's or a staff preview's page, the admin, a POST) goes straight to the app.

import std;
import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the app's hosts.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone));
        }
        return (synth(400, "Name the keys to purge in an xkey-purge header."));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The app's own rule (pagecache/middleware.py): a reader with a session or messages
    # cookie may see something personal; so may anyone with credentials.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    if (req.url ~ "^/admin/" || req.url ~ "^/healthz") {
        return (pass);
    }
    # Other cookies (a CSRF token, analytics) change nothing on a public page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Only what the app marks as shareable is kept: no s-maxage, no caching (Varnish would
    # otherwise keep any 200 for its default two minutes).
    if (beresp.http.Cache-Control !~ "s-maxage=[1-9]" || beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    # The keys are for this cache; readers have no use for them.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "hit";
    } else {
        set resp.http.X-Varnish-Cache = "miss";
    }
}
