// Thin interop over ApexCharts (loaded globally from lib/apexcharts).
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

// The figures are the element's data-chart attribute ({ categories, series: [{ name, values }] }, one JSON string
// shared by every screen on the server). The chart is created once; when the server's render changes the attribute,
// the chart is updated in place (no re-creation, no flicker), which live dashboards and the wall screen depend on.
export function create(element, type, height, horizontal, dark) {
    let figures = JSON.parse(element.dataset.chart || '{"categories":[],"series":[]}');
    const config = { type, height, horizontal, dark, ...figures };
    const donut = type === 'donut';
    const chart = new ApexCharts(element, options(config));
    chart.render();
    let shown = element.dataset.chart;
    const update = () => {
        const json = element.dataset.chart;
        if (!json || json === shown) return;
        shown = json;
        const fresh = JSON.parse(json);
        // Without new categories only the series are updated (the cheap path).
        const categoriesChanged = JSON.stringify(fresh.categories) !== JSON.stringify(figures.categories);
        figures = fresh;
        if (donut) {
            if (categoriesChanged) chart.updateOptions({ labels: fresh.categories }, false, false, false);
            chart.updateSeries(fresh.series[0]?.values ?? [], false);
        } else {
            if (categoriesChanged) chart.updateOptions({ xaxis: { categories: fresh.categories } }, false, false, false);
            chart.updateSeries(fresh.series.map(s => ({ name: s.name, data: s.values })), false);
        }
    };
    const observer = new MutationObserver(update);
    observer.observe(element, { attributes: true, attributeFilter: ['data-chart'] });
    return {
        destroy() {
            observer.disconnect();
            chart.destroy();
        },
    };
}
