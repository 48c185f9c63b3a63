// Thin interop over ApexCharts 7.9 (served from lib/apexcharts, copied from npm by the web build).
// One chart per element; the component creates it once and afterwards only updates it in place, so live
// dashboards do not flicker or lose hover state.

const charts = new WeakMap();
let loading;

function loadApexCharts() {
    if (window.ApexCharts) return Promise.resolve(window.ApexCharts);
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL("lib/apexcharts/apexcharts.min.js", document.baseURI).href;
        script.onload = () => resolve(window.ApexCharts);
        script.onerror = () => { loading = undefined; reject(new Error("ApexCharts yüklenemedi")); };
        document.head.appendChild(script);
    });
    return loading;
}

const turkish = {
    name: "tr",
    options: {
        months: ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"],
        shortMonths: ["Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"],
        days: ["Pazar", "Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi"],
        shortDays: ["Paz", "Pzt", "Sal", "Çar", "Per", "Cum", "Cmt"],
        toolbar: {
            exportToSVG: "SVG indir", exportToPNG: "PNG indir", exportToCSV: "CSV indir", menu: "Menü",
            selection: "Seçim", selectionZoom: "Seçim yakınlaştır", zoomIn: "Yakınlaştır", zoomOut: "Uzaklaştır",
            pan: "Kaydır", reset: "Sıfırla",
        },
    },
};

// Numbers the Turkish way: "1.234", "12,5", "%75,0".
function formatter(format) {
    const f = format === "p1"
        ? new Intl.NumberFormat("tr-TR", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 })
        : new Intl.NumberFormat("tr-TR", { maximumFractionDigits: format === "n1" ? 1 : 0, minimumFractionDigits: format === "n1" ? 1 : 0 });
    return v => (v === null || v === undefined || Number.isNaN(v)) ? "—" : f.format(v);
}

// Everything that a parameter can change, for both creation and updateOptions.
function optionsFrom(config) {
    const format = formatter(config.format);
    const donut = config.type === "donut";
    return {
        chart: {
            type: config.type, height: config.height, locales: [turkish], defaultLocale: "tr",
            fontFamily: "inherit", toolbar: { show: false }, animations: { enabled: true },
            // The container is the accessible image (role="img", aria-label) and the page's table holds the numbers;
            // ApexCharts' own keyboard legend and markers would be focusable controls inside an image, which screen
            // readers cannot reach (axe: nested-interactive).
            accessibility: { enabled: false },
        },
        title: { text: undefined },
        labels: donut ? config.categories : [],
        xaxis: donut ? {} : { categories: config.categories, labels: { trim: true, hideOverlappingLabels: true } },
        yaxis: donut ? {} : { labels: { formatter: format } },
        dataLabels: { enabled: donut, formatter: donut ? (v => formatter("p1")(v / 100)) : format },
        tooltip: { y: { formatter: format } },
        plotOptions: { bar: { horizontal: !!config.horizontal, borderRadius: 3 } },
        legend: { show: donut || config.series.length > 1 },
        noData: { text: "Veri yok" },
    };
}

function seriesFrom(config) {
    return config.type === "donut"
        ? (config.series[0]?.values ?? [])
        : config.series.map(s => ({ name: s.name, data: s.values }));
}

export async function create(element, config) {
    const ApexCharts = await loadApexCharts();
    if (!element || charts.has(element)) return;
    const chart = new ApexCharts(element, { ...optionsFrom(config), series: seriesFrom(config) });
    charts.set(element, chart);
    await chart.render();
}

// In place: options without redrawing from scratch, then the data with animation.
export async function update(element, config) {
    const chart = charts.get(element);
    if (!chart) return create(element, config);
    await chart.updateOptions(optionsFrom(config), false, false, false);
    await chart.updateSeries(seriesFrom(config), true);
}

export function destroy(element) {
    const chart = charts.get(element);
    if (!chart) return;
    charts.delete(element);
    chart.destroy();
}
