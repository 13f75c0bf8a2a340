import { base64ToBytes, BridgeError, openBridgeSigner } from '@eoffice/domain/src/signing';

/** A self-signed certificate made for this spec only (its key was thrown away): what GET /certificate answers. */
const CERTIFICATE =
  'MIIB8TCCAZegAwIBAgIUUHayclvTL7CXsn2DsDzK/1m/mPYwCgYIKoZIzj0EAwIwTjELMAkGA1UEBhMCSU4xKjAoBgNVBAoMIUdlbmVyYWwgQWRtaW5pc3RyYXRpb24gRGVwYXJ0bWVudDETMBEGA1UEAwwKTWVlbmEgSXllcjAeFw0yNjEyMDYyMjUxNDZaFw0zNjEyMDMyMjUxNDZaME4xCzAJBgNVBAYTAklOMSowKAYDVQQKDCFHZW5lcmFsIEFkbWluaXN0cmF0aW9uIERlcGFydG1lbnQxEzARBgNVBAMMCk1lZW5hIEl5ZXIwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATU8KqhtjN+TNxF3ywEpmQNfVGemKuhZQKmM44zu/uJXVlI1AAJUe0KBKpeW7Xr3WOI1b2Y1kkeh4fXYeYRl1CBo1MwUTAdBgNVHQ4EFgQUz45wapFizEE2MHnNVdoi+OKQYAswHwYDVR0jBBgwFoAUz45wapFizEE2MHnNVdoi+OKQYAswDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiBoiEz0e7FrO+f8S1elLxi1KYRd8SZJGpQ02OyoVnRU6AIhAJ/ZtOPzr1D8lPsGjixi+rqFX39YJlQB5zBbF0CMWtMK';

interface Call {
  url: string;
  init?: RequestInit;
}

function bridge(answers: Record<string, { status: number; body: unknown }>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const path = new URL(url).pathname;
    const answer = answers[path];
    if (!answer) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return { fetch: fake, calls };
}

describe('openBridgeSigner (the local signer bridge, protocol 1)', () => {
  it("reads the token's certificate and names its holder from it", async () => {
    const { fetch } = bridge({ '/certificate': { status: 200, body: { protocol: 1, certificate: CERTIFICATE, chain: [] } } });
    const { certificate } = await openBridgeSigner('http://127.0.0.1:47110', fetch);
    expect(certificate.name).toBe('Meena Iyer');
  });

  it('sends the canonical note as base64 JSON and gives back the signature the officer confirmed', async () => {
    const { fetch, calls } = bridge({
      '/certificate': { status: 200, body: { protocol: 1, certificate: CERTIFICATE, chain: [] } },
      '/sign': { status: 200, body: { protocol: 1, signature: 'MAMCAQE=' } }
    });
    const { signer } = await openBridgeSigner('http://127.0.0.1:47110', fetch);
    const signature = await signer.sign(new TextEncoder().encode('eoffice-note-signature/1\n'));
    expect(Array.from(signature)).toEqual(Array.from(base64ToBytes('MAMCAQE=')));
    const sent = calls.find((c) => c.url.endsWith('/sign'))!;
    expect(sent.init?.method).toBe('POST');
    expect(JSON.parse(String(sent.init?.body))).toEqual({ note: btoa('eoffice-note-signature/1\n') });
  });

  it("reports the officer's refusal and a bridge that is not running, each by its code", async () => {
    const declined = bridge({
      '/certificate': { status: 200, body: { protocol: 1, certificate: CERTIFICATE, chain: [] } },
      '/sign': { status: 403, body: { error: { code: 'declined', message: 'The officer declined' } } }
    });
    const { signer } = await openBridgeSigner('http://127.0.0.1:47110', declined.fetch);
    await expectAsync(signer.sign(new Uint8Array([1]))).toBeRejectedWith(jasmine.objectContaining({ code: 'declined' }));
    const none = bridge({});
    const refusal = await openBridgeSigner('http://127.0.0.1:47110', none.fetch).catch((e: unknown) => e);
    expect(refusal instanceof BridgeError && refusal.code).toBe('unreachable');
  });

  it('refuses a bridge that speaks another protocol version', async () => {
    const { fetch } = bridge({ '/certificate': { status: 200, body: { protocol: 2, certificate: CERTIFICATE } } });
    await expectAsync(openBridgeSigner('http://127.0.0.1:47110', fetch)).toBeRejectedWith(jasmine.objectContaining({ code: 'protocol' }));
  });
});
