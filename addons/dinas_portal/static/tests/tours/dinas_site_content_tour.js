import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("dinas_portal_news_gallery", {
    url: "/dinas",
    steps: () => [
        {
            content: "Open the Dinas news",
            trigger: ".o_dinas_nav a[href='/dinas/berita']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the news post",
            trigger: "a[href*='/blog/']:contains('Rapat koordinasi tur')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Write the name",
            trigger: ".o_dinas_comment_form input[name='name']",
            run: "edit Warga Tur",
        },
        {
            content: "Write the e-mail",
            trigger: ".o_dinas_comment_form input[name='email']",
            run: "edit warga.tur@example.com",
        },
        {
            content: "Write the comment",
            trigger: ".o_dinas_comment_form textarea[name='message']",
            run: "edit Kapan rapat berikutnya diadakan?",
        },
        {
            content: "Send the comment",
            trigger: ".o_dinas_comment_form .o_dinas_comment_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The comment awaits moderation",
            trigger: ".o_dinas_comment_pending",
        },
        {
            content: "The pending comment is not shown",
            trigger: "#o_dinas_comments:not(:has(.o_dinas_comment:contains('Kapan rapat')))",
            run: () => {
                window.location.href = "/dinas/galeri";
            },
            expectUnloadPage: true,
        },
        {
            content: "Open the album",
            trigger: ".o_dinas_album_card:contains('Album Tur')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open a photo in the lightbox",
            trigger: ".o_dinas_album .s_image_gallery img",
            run: "click",
        },
        {
            content: "The photos show in a carousel",
            trigger: ".modal .carousel .carousel-item.active img",
        },
    ],
});
