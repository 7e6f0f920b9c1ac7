package com.shopverse.gateway.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.shopverse.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one RS256 verification costs on one core (Nimbus' RSASSAVerifier, 2048-bit key, a token of
 * the size auth-service issues), beside the SHA-256 of the whole token that a cache hit costs
 * instead. Run by benchmarks/gateway.sh with a short, bounded configuration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RsaVerifyBenchmark {

  private RSASSAVerifier verifier;
  private JWSHeader header;
  private byte[] signingInput;
  private Base64URL signature;
  private byte[] token;

  @Setup
  public void setUp() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench").algorithm(JWSAlgorithm.RS256).generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(),
            TestTokens.customerClaims("shopper-1", Duration.ofMinutes(15)).build());
    jwt.sign(new RSASSASigner(key));
    verifier = new RSASSAVerifier(key.toRSAPublicKey());
    header = jwt.getHeader();
    signingInput = jwt.getSigningInput();
    signature = jwt.getSignature();
    token = jwt.serialize().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public boolean rs256Verify() throws Exception {
    return verifier.verify(header, signingInput, signature);
  }

  @Benchmark
  public byte[] sha256OfToken() throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(token);
  }
}
