// ApexCharts (loaded globally from lib/apexcharts) as the <apex-chart> element the server renders.
const number = v => (typeof v === 'number' ? v.toLocaleString('tr-TR', { maximumFractionDigits: 1 }) : v);

function options(config) {
    const donut = config.type === 'donut';
    return {
        chart: {
            type: config.type,
            height: config.height,
            animations: { enabled: false },
            toolbar: { show: false },
            background: 'transparent',
            fontFamily: 'inherit',
            foreColor: config.dark ? '#e6edf3' : '#333',
        },
        theme: { mode: config.dark ? 'dark' : 'light' },
        colors: config.dark ? ['#7fb8ff', '#ff9b8a', '#9be29b', '#ffd479'] : ['#0b4f8a', '#b3261e', '#1b6e20', '#8a5a00'],
        plotOptions: { bar: { horizontal: !!config.horizontal, borderRadius: 2 } },
        dataLabels: { enabled: donut, style: { fontSize: config.dark ? '20px' : '12px' } },
        legend: { show: donut || config.series.length > 1, fontSize: config.dark ? '22px' : '13px' },
        stroke: { width: config.type === 'line' ? 3 : 0 },
        series: donut ? config.series[0]?.values ?? [] : config.series.map(s => ({ name: s.name, data: s.values })),
        labels: donut ? config.categories : undefined,
        xaxis: donut ? undefined : { categories: config.categories, labels: { formatter: number, style: { fontSize: config.dark ? '18px' : '12px' } } },
        // A donut has no axes, but ApexCharts' update path reads opts.yaxis[i]: left undefined it throws on the first
        // new figures of a donut and takes the screen's circuit with it.
        yaxis: donut ? {} : { labels: { formatter: number, style: { fontSize: config.dark ? '18px' : '12px' } } },
        tooltip: { y: { formatter: number } },
        noData: { text: 'Veri yok' },
    };
}

// <apex-chart>: a custom element, so the browser itself creates a chart when the server's render puts one in the page
// and destroys it when the render takes it out. No JS interop call per chart and screen (no module import, no object
// reference, no serializer metadata held by every circuit): the server only renders attributes.
//   data-type ("bar", "line", "donut"), data-height, data-horizontal, data-dark: how it looks, read once;
//   data-categories (["Merkez", ...]) and data-series ([{ name, values }]): the figures, JSON strings shared by every
//   screen on the server. When a render changes them the chart is updated in place (no re-creation, no flicker),
//   which live dashboards and the wall screen depend on.
class ApexChartElement extends HTMLElement {
    static observedAttributes = ['data-categories', 'data-series'];

    connectedCallback() {
        if (this.chart) return; // moved within the page (a card reordered): the chart came along
        const type = this.dataset.type || 'bar';
        const figures = this.figures();
        this.chart = new ApexCharts(this, options({
            type,
            height: Number(this.dataset.height) || 300,
            horizontal: this.dataset.horizontal === 'true',
            dark: this.dataset.dark === 'true',
            ...figures,
        }));
        this.chart.render();
        this.shown = { categories: this.dataset.categories, series: this.dataset.series };
    }

    disconnectedCallback() {
        // A move disconnects and connects again in one task; only an element really taken out loses its chart.
        queueMicrotask(() => {
            if (this.isConnected || !this.chart) return;
            this.chart.destroy();
            this.chart = null;
        });
    }

    attributeChangedCallback() {
        // Both attributes of one render change one after the other: one update after both.
        if (!this.chart || this.pending) return;
        this.pending = true;
        queueMicrotask(() => {
            this.pending = false;
            this.update();
        });
    }

    figures() {
        return {
            categories: JSON.parse(this.dataset.categories || '[]'),
            series: JSON.parse(this.dataset.series || '[]'),
        };
    }

    update() {
        if (!this.chart) return;
        const now = { categories: this.dataset.categories, series: this.dataset.series };
        if (now.categories === this.shown.categories && now.series === this.shown.series) return;
        // Without new categories only the series are updated (the cheap path).
        const categoriesChanged = now.categories !== this.shown.categories;
        this.shown = now;
        const fresh = this.figures();
        if (this.dataset.type === 'donut') {
            if (categoriesChanged) this.chart.updateOptions({ labels: fresh.categories }, false, false, false);
            this.chart.updateSeries(fresh.series[0]?.values ?? [], false);
        } else {
            if (categoriesChanged) this.chart.updateOptions({ xaxis: { categories: fresh.categories } }, false, false, false);
            this.chart.updateSeries(fresh.series.map(s => ({ name: s.name, data: s.values })), false);
        }
    }
}

if (!customElements.get('apex-chart')) customElements.define('apex-chart', ApexChartElement);
