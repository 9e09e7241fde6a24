// Preloaded into the Netlify CLI process only (`node --import` on its command
// line, not NODE_OPTIONS, so `next build` and the functions do not get it).
// `netlify serve` has no option for the interface it listens on and its
// servers call listen() with a port alone, i.e. on every interface; with
// LOCAL_AUTH=1 (passwordless sign-in) that would open the app to the network
// for the length of the check. A listen() that names no host gets 127.0.0.1.
import net from "node:net";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    // listen(port[, backlog][, callback]) → listen(port, host, ...rest); a host given as args[1] is kept.
    if (typeof args[1] !== "string") args.splice(1, 0, "127.0.0.1");
  } else if (first && typeof first === "object" && first.path === undefined && first.host === undefined) {
    args[0] = { ...first, host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};
