// Thin interop over FullCalendar 7 (npm "fullcalendar", its browser build copied to lib/fullcalendar). The scripts are
// loaded on first use, so only calendar pages pay for them. Events come from .NET per visible range; every click,
// selection, drag and resize goes back to .NET, which decides (and may refuse, which reverts the drag).
const base = 'lib/fullcalendar/';
let loading;

function addCss(href) {
    if (document.querySelector(`link[href="${href}"]`)) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
}

function addScript(src) {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`${src} yüklenemedi`));
        document.head.appendChild(script);
    });
}

function load() {
    loading ??= (async () => {
        ['skeleton.css', 'classic/theme.css', 'classic/palette.css'].forEach(f => addCss(base + f));
        if (!window.FullCalendar) await addScript(base + 'global.js');
        // The theme and the locale register themselves with the global build, so they come after it.
        await addScript(base + 'classic/global.js');
        await addScript(base + 'tr/global.js');
    })();
    return loading;
}

const views = 'dayGridMonth,timeGridWeek,timeGridDay,listMonth';
const hints = {
    prevHint: 'Önceki $0',
    nextHint: 'Sonraki $0',
    todayHint: 'Bugün',
    viewHint: '$0 görünümü',
    viewChangeHint: 'Görünümü değiştir',
    navLinkHint: '$0 gününe git',
    closeHint: 'Kapat',
    eventsHint: 'Etkinlikler',
    moreLinkHint: n => `${n} etkinlik daha göster`,
    moreLinkText: n => `+${n} etkinlik`,
};
const hours = { hour: '2-digit', minute: '2-digit', hour12: false };

export async function create(element, dotNet, config) {
    await load();
    const change = async info => {
        const e = info.event;
        const ok = await dotNet.invokeMethodAsync('Move', e.extendedProps.eventId, e.extendedProps.occurrence, e.extendedProps.version,
            e.startStr, e.endStr || null, e.allDay);
        if (!ok) info.revert();
    };
    const calendar = new FullCalendar.Calendar(element, {
        locale: 'tr',
        // The Turkish locale names the buttons but not the screen-reader hints; without these they would be English.
        ...hints,
        // Istanbul whatever the browser's zone: FullCalendar 7 converts named zones itself (Temporal).
        timeZone: 'Europe/Istanbul',
        firstDay: 1,
        initialView: config.initialView || 'dayGridMonth',
        initialDate: config.initialDate || undefined,
        headerToolbar: { start: 'prev,next today', center: 'title', end: views },
        height: 'auto',
        nowIndicator: true,
        // Day-header links carry an aria-label ("8 Şubat 2027") that does not contain their visible text ("Pzt 8"), which
        // fails WCAG 2.5.3; the "Gün" view button does the same job.
        navLinks: false,
        dayMaxEvents: 4,
        eventInteractive: true,
        eventTimeFormat: hours,
        slotHeaderFormat: hours,
        slotMinTime: '07:00:00',
        slotMaxTime: '23:00:00',
        scrollTime: '08:00:00',
        businessHours: { daysOfWeek: [1, 2, 3, 4, 5], startTime: '08:30', endTime: '17:30' },
        selectable: !!config.canCreate,
        selectMirror: true,
        editable: false,
        events: (info, success, failure) =>
            dotNet.invokeMethodAsync('Events', info.startStr, info.endStr).then(success, failure),
        eventClick: info => {
            info.jsEvent.preventDefault();
            if (info.event.extendedProps.eventId) dotNet.invokeMethodAsync('Open', info.event.extendedProps.eventId, info.event.extendedProps.occurrence);
        },
        select: info => {
            calendar.unselect();
            dotNet.invokeMethodAsync('Select', info.startStr, info.endStr, info.allDay);
        },
        eventDrop: change,
        eventResize: change,
        // A month cell's aria-label ("28 Ekim 2026") would replace its content (the day's events) for screen readers,
        // and axe rightly flags that the visible text is not in the name (WCAG 2.5.3): the content speaks for itself.
        dayCellDidMount: info => info.el.removeAttribute('aria-label'),
        // In the agenda an event sits in a role=list, where only list items may be: it stays focusable and clickable.
        eventDidMount: info => { if (info.view.type.startsWith('list')) info.el.setAttribute('role', 'listitem'); },
        loading: busy => element.setAttribute('aria-busy', busy ? 'true' : 'false'),
        datesSet: info => element.setAttribute('data-view', info.view.type),
    });
    calendar.render();
    return {
        refetch() { calendar.refetchEvents(); },
        gotoDate(date) { calendar.gotoDate(date); },
        changeView(view) { calendar.changeView(view); },
        destroy() { calendar.destroy(); },
    };
}
