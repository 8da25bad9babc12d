package uk.gov.accessledger.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import uk.gov.accessledger.bench.shared.PerformanceTarget;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.NoteVerificationException;
import uk.gov.accessledger.logformat.NoteVerifier;

/**
 * Ed25519 over a checkpoint: the sequencer signing a C2SP tlog-checkpoint as a signed note, and a
 * client opening it (parse, verify the signature, parse the checkpoint). The key comes from a fixed
 * seed, so every run signs the same bytes.
 */
@Fork(value = 3, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CheckpointSignatureBenchmark {

    static final String ORIGIN = "bench.access-ledger.example/log";

    private Ed25519NoteSigner signer;
    private NoteVerifier verifier;
    private Checkpoint checkpoint;
    private String signed;

    /** The benchmarks' log key, from a fixed seed. */
    static Ed25519NoteSigner fixedSigner() {
        byte[] seed = new byte[Ed25519PrivateKeyParameters.KEY_SIZE];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (i * 7 + 1);
        }
        return new Ed25519NoteSigner(ORIGIN, new Ed25519PrivateKeyParameters(seed, 0));
    }

    @Setup
    public void sign() {
        signer = fixedSigner();
        verifier = signer.verifier();
        checkpoint = new Checkpoint(ORIGIN, PerformanceTarget.SCALE_ENTRIES,
                FlatTree.syntheticLeaf(PerformanceTarget.SCALE_ENTRIES));
        signed = checkpoint.sign(signer);
    }

    /** The sequencer's side: note text and one Ed25519 signature line. */
    @Benchmark
    public String signCheckpoint() {
        return checkpoint.sign(signer);
    }

    /** A client's side: verify the log's signature and parse the checkpoint. */
    @Benchmark
    public Checkpoint openCheckpoint() throws NoteVerificationException {
        return Checkpoint.open(signed, verifier);
    }
}
