// Thin interop over ApexCharts (loaded globally from lib/apexcharts). A chart is created once; later data changes
// update it in place (no re-creation, no flicker), which live dashboards and the wall screen depend on.
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

// The figures come as one JSON string ({ categories, series: [{ name, values }] }), shared by every screen on the server.
export function create(element, type, height, horizontal, dark, json) {
    const config = { type, height, horizontal, dark, ...JSON.parse(json) };
    const chart = new ApexCharts(element, options(config));
    chart.render();
    return {
        // Without new categories only the series are updated (the cheap path).
        update(json, categoriesChanged) {
            const { categories: fresh, series } = JSON.parse(json);
            const categories = categoriesChanged ? fresh : null;
            const donut = config.type === 'donut';
            if (donut) {
                if (categories) chart.updateOptions({ labels: categories }, false, false, false);
                chart.updateSeries(series[0]?.values ?? [], false);
            } else {
                if (categories) chart.updateOptions({ xaxis: { categories } }, false, false, false);
                chart.updateSeries(series.map(s => ({ name: s.name, data: s.values })), false);
            }
        },
        destroy() { chart.destroy(); },
    };
}
