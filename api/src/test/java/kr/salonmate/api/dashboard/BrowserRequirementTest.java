package kr.salonmate.api.dashboard;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without Chromium the browser tests are skipped on a developer's machine but fail in CI (CI=true). */
class BrowserRequirementTest {

    @Test
    void inCiAMissingBrowserFailsTheTest() {
        assertThatThrownBy(() -> Browser.requireInstalled(false, "true"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true");
    }

    @Test
    void onADevelopersMachineAMissingBrowserSkipsTheTest() {
        assertThatThrownBy(() -> Browser.requireInstalled(false, null)).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> Browser.requireInstalled(false, "false")).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void anInstalledBrowserIsUsedEverywhere() {
        assertThatCode(() -> Browser.requireInstalled(true, "true")).doesNotThrowAnyException();
        assertThatCode(() -> Browser.requireInstalled(true, null)).doesNotThrowAnyException();
    }
}
