/* French locale for plotly.js (dates, months, days, the few texts a chart shows), written by
   hand after the layout of plotly.js-locales (not installed here; see plotly-locale-nl.js).
   Graphs use it when the page is in French (config locale 'fr'). */
'use strict';
if (window.Plotly) { window.Plotly.register({
    moduleType: 'locale',
    name: 'fr',
    dictionary: {
        'Autoscale': 'Échelle automatique',
        'Double-click to zoom back out': 'Double-cliquez pour dézoomer',
        'Download plot as a PNG': 'Télécharger le graphique en PNG',
        'Download plot': 'Télécharger le graphique',
        'Produced with Plotly.js': 'Réalisé avec Plotly.js',
        'Reset axes': 'Réinitialiser les axes',
        'Zoom': 'Zoom',
        'Zoom in': 'Zoom avant',
        'Zoom out': 'Zoom arrière',
        'max:': 'max. :',
        'mean:': 'moyenne :',
        'min:': 'min. :',
        'new text': 'nouveau texte',
        'source:': 'source :',
        'target:': 'cible :',
    },
    format: {
        days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
        shortDays: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
        months: [
            'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
            'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'
        ],
        shortMonths: [
            'janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin',
            'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'
        ],
        date: '%d/%m/%Y',
        decimal: ',',
        thousands: '\u202f',
        year: '%Y',
        month: '%b %Y',
        dayMonth: '%-d %b',
        dayMonthYear: '%-d %b %Y'
    }
}); }
