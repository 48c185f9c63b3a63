// Unattended recovery (the wall screen runs all day): when Blazor cannot resume the circuit — the server restarted
// ("rejected") or retries ran out ("failed") — wait until the server answers /healthz again, then reload the page.
(() => {
    const modal = document.getElementById('components-reconnect-modal');
    if (!modal) return;
    let waiting = false;
    modal.addEventListener('components-reconnect-state-changed', event => {
        const state = event.detail && event.detail.state;
        if (state === 'rejected' || state === 'failed' || state === 'resume-failed') reloadWhenServerAnswers();
    });
    async function reloadWhenServerAnswers() {
        if (waiting) return;
        waiting = true;
        for (;;) {
            try {
                const response = await fetch('/healthz', { cache: 'no-store' });
                if (response.ok) { location.reload(); return; }
            } catch { /* server still down */ }
            await new Promise(resolve => setTimeout(resolve, 2000));
        }
    }
})();
