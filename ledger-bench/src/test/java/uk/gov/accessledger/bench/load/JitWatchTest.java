package uk.gov.accessledger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JitWatchTest {

    @Test
    void readsTheTimeColumnOfJstatCompilerOutput() {
        String output = """
                Compiled Failed Invalid   Time   FailedType FailedMethod
                   18353      1       0   127.24          1 org/axonframework/tracing/Span run
                """;
        assertThat(JitWatch.parseCompileSeconds(output)).isEqualTo(127.24);
        assertThat(JitWatch.parseCompileSeconds("Compiled Failed Invalid   Time   FailedType FailedMethod\n"
                + "    6575      0       0    11.38          0\n")).isEqualTo(11.38);
    }

    @Test
    void refusesOutputThatIsNotJstatCompiler() {
        assertThatThrownBy(() -> JitWatch.parseCompileSeconds("12345 not found"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not jstat -compiler output");
        assertThatThrownBy(() -> JitWatch.parseCompileSeconds("Compiled Failed\n 1 0\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Time column");
    }

    @Test
    void countsUnderFivePercentOfOneCoreAsQuiet() {
        assertThat(JitWatch.quiet(0.4, 10)).isTrue();
        assertThat(JitWatch.quiet(0.5, 10)).isFalse();
        assertThat(JitWatch.quiet(9.8, 10)).isFalse();
    }

    @Test
    void readsThisJvmsOwnCompileTime() throws Exception {
        assertThat(new JitWatch(ProcessHandle.current().pid()).compileSeconds()).isPositive();
    }
}
